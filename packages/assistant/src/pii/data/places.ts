// Places: Dutch municipalities and larger residences (and neighbourhoods clients name often), and
// cities abroad that clients of Dutch social care come from or have family in. Matched in any case;
// words that are also everyday words ("Best", "Goes", "Echt", "Born") only with a capital.
// Hand-curated, compiled into the package (no download at run time). Multi-word names use "_".

const NL_MUNICIPALITIES =
  'aa_en_hunze aalsmeer aalten achtkarspelen alblasserdam albrandswaard alkmaar almelo almere alphen_aan_den_rijn ' +
  'alphen-chaam altena ameland amersfoort amstelveen amsterdam apeldoorn arnhem assen asten baarle-nassau baarn ' +
  'barendrecht barneveld beekdaelen beesel berg_en_dal bergeijk bergen bergen_op_zoom berkelland bernheze beuningen ' +
  'beverwijk bladel blaricum bloemendaal bodegraven bodegraven-reeuwijk boekel borger-odoorn borne borsele boxtel breda ' +
  'bronckhorst brummen brunssum bunnik bunschoten buren capelle_aan_den_ijssel castricum coevorden cranendonck culemborg ' +
  'dalfsen dantumadiel de_bilt de_fryske_marren de_ronde_venen de_wolden delft den_helder deurne deventer diemen ' +
  'dijk_en_waard dinkelland doesburg doetinchem dongen dordrecht drechterland drimmelen dronten druten duiven ' +
  'echt-susteren edam-volendam ede eemnes eemsdelta eersel eijsden-margraten eindhoven elburg emmen enkhuizen enschede ' +
  'epe ermelo etten-leur geertruidenberg geldrop-mierlo gemert-bakel gennep gilze_en_rijen goeree-overflakkee ' +
  'goirle gooise_meren gorinchem gouda groningen gulpen-wittem haaksbergen haarlem haarlemmermeer halderberge ' +
  'hardenberg harderwijk hardinxveld-giessendam harlingen hattem heemskerk heemstede heerde heerenveen heerlen ' +
  'heeze-leende heiloo hellendoorn helmond hendrik-ido-ambacht hengelo heumen heusden hillegom hilvarenbeek ' +
  'hilversum hoeksche_waard hof_van_twente hollands_kroon hoogeveen hoorn horst_aan_de_maas houten huizen hulst ' +
  'ijsselstein kaag_en_braassem kampen kapelle katwijk kerkrade koggenland krimpen_aan_den_ijssel krimpenerwaard ' +
  'laarbeek land_van_cuijk landgraaf landsmeer lansingerland laren leeuwarden leiden leiderdorp leidschendam-voorburg ' +
  'lelystad leudal leusden lingewaard lisse lochem loon_op_zand lopik losser maasdriel maasgouw maashorst maassluis ' +
  'maastricht medemblik meerssen meierijstad meppel middelburg midden-delfland midden-drenthe midden-groningen ' +
  'moerdijk molenlanden montferland montfoort mook_en_middelaar neder-betuwe nederweert nieuwegein nieuwkoop nijkerk ' +
  'nijmegen nissewaard noardeast-fryslan noord-beveland noordenveld noordoostpolder noordwijk nuenen nunspeet ' +
  'oegstgeest oirschot oisterwijk oldambt oldebroek oldenzaal olst-wijhe ommen oost_gelre oosterhout ooststellingwerf ' +
  'oostzaan opmeer opsterland oss oude_ijsselstreek ouder-amstel oudewater overbetuwe papendrecht peel_en_maas pekela ' +
  'pijnacker-nootdorp purmerend putten raalte reimerswaal renkum renswoude reusel-de_mierden rheden rhenen ridderkerk ' +
  'rijssen-holten rijswijk roerdalen roermond roosendaal rotterdam rozendaal rucphen schagen scherpenzeel schiedam ' +
  'schiermonnikoog schouwen-duiveland sint-michielsgestel sittard-geleen sliedrecht sluis smallingerland soest ' +
  'someren son_en_breugel stadskanaal staphorst stede_broec steenbergen steenwijkerland stein stichtse_vecht ' +
  'sudwest-fryslan terneuzen terschelling texel teylingen tholen tiel tilburg tubbergen twenterand tynaarlo ' +
  'uitgeest uithoorn urk utrecht utrechtse_heuvelrug vaals valkenburg valkenswaard veendam veenendaal veere ' +
  'veldhoven velsen venlo venray vijfheerenlanden vlaardingen vlieland vlissingen voerendaal voorne_aan_zee ' +
  'voorschoten voorst vught waadhoeke waalre waalwijk waddinxveen wageningen wassenaar waterland weert west_betuwe ' +
  'west_maas_en_waal westerkwartier westerveld westervoort westerwolde westland weststellingwerf wierden wijchen ' +
  'wijdemeren wijk_bij_duurstede winterswijk woensdrecht woerden wormerland woudenberg zaanstad zaltbommel zandvoort ' +
  'zeewolde zeist zevenaar zoetermeer zoeterwoude zuidplas zundert zutphen zwartewaterland zwijndrecht zwolle'
const NL_RESIDENCES_AND_AREAS =
  "den_haag 's-gravenhage 's-hertogenbosch den_bosch hertogenbosch scheveningen ter_apel budel zaandam hoogezand " +
  'sappemeer emmeloord emmen hoofddorp nieuw-vennep spijkenisse hellevoetsluis geleen sittard susteren vlaardingen ' +
  'voorburg leidschendam nootdorp pijnacker delfzijl appingedam winschoten veghel uden schijndel boxmeer cuijk ' +
  'oosterbeek ede-wageningen bennekom wijhe holten rijssen nijverdal hardenberg ommen almelo vroomshoop maarssen ' +
  'breukelen bilthoven zeist driebergen doorn amerongen wijk_aan_zee ijmuiden heemskerk beverwijk volendam edam ' +
  'monnickendam purmerend hoorn enkhuizen den_oever harderwijk lemmer sneek joure drachten franeker dokkum ' +
  'heerenveen gorredijk wolvega steenwijk kampen genemuiden zwartsluis hasselt dalfsen nijkerk barneveld ' +
  'lunteren voorthuizen putten ermelo elspeet epe vaassen twello deventer zutphen lochem eibergen groenlo ' +
  'winterswijk ulft terborg etten gendringen doetinchem zevenaar didam duiven westervoort arnhem-zuid presikhaaf ' +
  'bijlmer bijlmermeer zuidoost nieuw-west slotervaart osdorp geuzenveld de_pijp jordaan noord amsterdam-noord ' +
  'kanaleneiland overvecht lombok zuilen leidsche_rijn vleuten de_meern hoograven ondiep schilderswijk transvaal ' +
  'moerwijk laak escamp ypenburg loosduinen feijenoord charlois delfshaven crooswijk hillegersberg ijsselmonde ' +
  'lombardijen tarwewijk afrikaanderwijk bospolder spangen zuidplein woensel strijp stratum gestel tongelre ' +
  'malburgen klarendal kolenkit hatert dukenburg lindenholt de_kolenkit tilburg-noord reeshof selwerd paddepoel ' +
  'vinkhuizen beijum lewenborg de_wijert oosterpark ter_aar hoogvliet pernis rozenburg capelle nieuwerkerk ' +
  'krimpen alblasserdam papendrecht zwijndrecht gorkum sliedrecht oud-beijerland heinenoord numansdorp ' +
  'brielle rockanje oostvoorne ouddorp middelharnis goes vlissingen middelburg terneuzen oostburg zierikzee ' +
  'bergen_op_zoom roosendaal etten-leur oosterhout made tilburg waalwijk dongen kaatsheuvel den_helder schagen ' +
  'heerhugowaard alkmaar castricum heiloo uitgeest zaanstad wormerveer krommenie assendelft haarlem heemstede ' +
  'zandvoort bloemendaal santpoort velsen lelystad almere-buiten almere-haven almere-stad almere-poort dronten ' +
  'urk emmeloord nagele biddinghuizen zwolle meppel hoogeveen assen coevorden stadskanaal veendam winsum ' +
  'leeuwarden harlingen bolsward heerlen kerkrade landgraaf brunssum hoensbroek valkenburg maastricht venlo ' +
  'venray roermond weert helmond eindhoven veldhoven best oss nijmegen arnhem ede apeldoorn amersfoort ' +
  'hilversum bussum naarden huizen baarn soest utrecht nieuwegein houten ijsselstein woerden gouda leiden ' +
  'katwijk noordwijk lisse alphen delft rijswijk zoetermeer rotterdam schiedam dordrecht breda'
const ABROAD =
  'casablanca rabat tanger tangier nador al_hoceima alhucemas fes fez marrakech marrakesh agadir oujda tetouan meknes ' +
  'berkane taza kenitra larache safi istanbul ankara izmir bursa antalya adana konya kayseri trabzon gaziantep ' +
  'diyarbakir samsun eskisehir paramaribo nickerie moengo albina lelydorp willemstad kralendijk oranjestad ' +
  'damascus damascus aleppo homs hama latakia idlib daraa deir_ez-zor raqqa qamishli baghdad mosul basra erbil ' +
  'kirkuk sulaymaniyah kabul herat mazar-i-sharif kandahar jalalabad tehran teheran mashhad isfahan shiraz tabriz ' +
  'asmara keren massawa mendefera addis_abeba addis_ababa gondar mekelle mogadishu mogadishu hargeisa kismayo ' +
  'khartoum juba kampala nairobi lagos abuja accra kumasi kinshasa luanda dakar conakry freetown monrovia ' +
  'warschau warsaw krakau krakow kraków gdansk gdańsk wroclaw wrocław poznan poznań lodz łódź lublin katowice ' +
  'szczecin bialystok kiev kyiv kiew charkiv kharkiv odessa odesa lviv lviv dnipro boekarest bucharest sofia ' +
  'plovdiv varna boedapest budapest praag prague bratislava vilnius riga tallinn minsk moskou moscow ' +
  'londen london manchester birmingham liverpool leeds glasgow edinburgh dublin belfast bristol parijs paris ' +
  'lyon marseille rijsel lille brussel brussels bruxelles antwerpen antwerp gent ghent luik liege liège charleroi ' +
  'brugge bruges leuven mechelen berlijn berlin keulen cologne koln köln dusseldorf düsseldorf hamburg munchen ' +
  'münchen munich frankfurt essen dortmund duisburg aken aachen kleef kleve madrid barcelona valencia sevilla ' +
  'malaga lissabon lisbon porto rome milaan milan napels naples turijn turin athene athens wenen vienna zurich ' +
  'zürich geneve genève kopenhagen copenhagen stockholm oslo helsinki new_york los_angeles chicago toronto ' +
  'algiers algiers oran tunis tripoli benghazi cairo caïro alexandrie alexandria amman beirut jeruzalem ' +
  'jerusalem gaza ramallah riyad riyadh jeddah mekka mecca dubai doha sanaa aden islamabad karachi lahore ' +
  'delhi mumbai dhaka colombo kathmandu beijing peking shanghai manila jakarta bangkok'

/** Place names that are also ordinary words: only with a capital. */
export const AMBIGUOUS_PLACES = new Set(
  'best goes echt born lent son stein epe ede oss urk made doorn noord hulst putten laren bergen weert hoorn heel mill ' +
    'beek land wijk horst zuidoost rheden borne sluis veere vaals delft lochem soest nuenen baarn hattem gent sofia ' +
    'leiden tiel elburg peking aden winsum voorst lisse stratum gestel oranjestad juba essen porto oran doha gaza ' +
    'kapelle lombok transvaal laak escamp ondiep hoograven'
    .split(' '),
)

export const PLACES: readonly string[] = [NL_MUNICIPALITIES, NL_RESIDENCES_AND_AREAS, ABROAD]
  .join(' ')
  .split(/\s+/)
  .filter(Boolean)
  .map((p) => p.replace(/_/g, ' '))
