// First names the detector knows in any case ("mijn broer ahmed", "fatima el amrani"), grouped by
// origin so a reviewer can see who is covered. Names that are also everyday words (ben, mark, roos,
// will, may …) are in `AMBIGUOUS_FIRST_NAMES` and count only when written with a capital.
// Curated by hand for this project (no download at run time).

const DUTCH =
  'aad adrie adriaan alex alexander amber anouk anna anne annemarie anneke annelies ans antoon arend arie arjen arjan astrid ' +
  'bart bas bastiaan bea bep bert bianca bo bram brenda bregje carla carlijn carolien casper cees chantal charlotte chris ' +
  'christiaan claudia cor corrie daan dani danielle dave debby demi dennis dewi dick dirk diederik dion dirkje dominique ' +
  'edwin eefje els elske emma erik esmee esther eva evert fabian fenna femke fleur floor frans freek frits gerard gerrit ' +
  'gert gijs greet hanna hanneke hans harm harry hein hendrik henk henny herman hilde hugo ilse inge ingrid irene isa ' +
  'jaap jacco jacqueline jan jannie jasper jelle jelmer jeroen jesse joep joke joost joris jos jose josje joyce judith ' +
  'julia jurgen kees kim klaas koen kevin lars laura lieke lisa lisanne lotte loes lucas luuk maaike maarten manon ' +
  'marieke marijke marjolein marco marloes martijn martin mathijs max meike melissa merel michiel milan mirjam monique ' +
  'nicole niels nienke nina noa noah noortje olaf patrick paul pieter peter petra priscilla remco renate rens rik rob ' +
  'robin roel ronald ruben rutger sander sandra sanne saskia sem sjaak sjoerd sophie stefan stijn suzanne sven teun ' +
  'thijs thomas tim tineke tom tomas ton tessa ursula vera wendy wilma willem wim wouter yvonne zoe liam finn levi ' +
  'luca mees milou fenne jip tijn gijs hidde sjors marit lynn jayden dylan sara tess zoë evi saar yfke jens jort siem ' +
  'senna liv nova olivia mila luna nadine kevin jeffrey jordy mike ricky kelly shanna sharon tamara romy britt ' +
  'demi naomi rosa jolien jorien wesley jesper niek joey dewi ilona marleen wendy'
const MOROCCAN =
  'abdel abdelkader abdellah abdelhak abdelaziz achraf adil ahmed ahmad aicha aisha ayoub anas amina amira anouar asmae ' +
  'bilal bouchra chaimae driss fatima fatiha farid fouad ghizlane hafida hajar hakim hamid hamza hanane hassan hicham ' +
  'houda ibrahim ikram ilham ilias imane ismail jamal jamila kamal karim khadija khalid laila latifa loubna malika ' +
  'mariam meriem mina mohamed mohammed mohamm mounir mustafa nabil nadia nadir naima najat nassim nawal nordin nora nour ' +
  'omar othman rachid rayan amine adam ilyas yassin mohamed-amine aya lamyae hiba salah nouhaila ikram sara jihane ' +
  'omar othman rachid rachida redouan rida saida said samir samira sanae siham soufiane sofia soumaya tarik touria ' +
  'wafae yasmina yassine youssef younes zakaria zineb zoubida zohra badr mehdi oussama reda rayan safae salma yassir'
const TURKISH =
  'ahmet ali arda ayse ayşe aysel baris barış berk burak can cem cemile derya deniz duygu ebru elif emel emine emre ' +
  'engin esra fatih fatma ferhat gul gül gulsen gülsen hakan hatice hulya hülya ibrahim irem kemal kerem leyla mehmet ' +
  'melek meltem merve murat mustafa nur ozlem özlem ramazan recep selin semra serkan sevgi sibel songul songül tuba ' +
  'tugba tuğba ugur uğur umut volkan yasin yusuf zehra zeynep zeki oguz oğuz onur orhan sinan serpil sultan'
const SURINAMESE_ANTILLEAN =
  'anand ashwin anjali germaine ravi rajesh rakesh rishi roshni sunita shanti sharmila sandeep soraya vikash vishnu ' +
  'kenneth clifton errol glenn rudy romeo roy jerrel jermaine shaquille quincy dwight priya kavita reshma urvashi ' +
  'jurgen ricardo gilbert randolph marlon sherida shirley gracia'
const ARABIC_SYRIAN_IRAQI_AFGHAN =
  'abdullah abdulrahman ahlam alaa ammar asma bashar batoul dana diana fadi firas ghada hadi haifa hala hiba hussein ' +
  'iman issa jana jawad kareem khaled khaleel lama lana lina majd maha mahmoud maria marwan mazen muhammad nadim ' +
  'nasser noura rami rana rania rasha reem safa salim sami samer shadi tamer walid wael yara yasmin yousef zaid zain ' +
  'ahmad farah hasan hussain ali ahmadi farid jawid masoud mohsen nasrin parisa reza shirin zahra'
const EAST_AFRICAN =
  'abel abraham aman amanuel awet berhane biniam dawit eden efrem elsa ermias fiori filmon freweyni goitom habtom helen ' +
  'kidane luwam mehari meron merhawi mussie nahom rahel robel saba samrawit selam senait semhar tesfay tesfalem tekle ' +
  'yohannes yonas yemane zecarias abdi ayaan faisal halima hodan ifrah mohamud warsame hamdi sahra'
const POLISH_EASTERN =
  'agnieszka aleksandra andrzej anna bartosz dariusz dorota ewa grzegorz jakub janusz joanna kamil karolina katarzyna ' +
  'krzysztof lukasz łukasz magda magdalena malgorzata małgorzata marcin mariusz marta michal michał monika natalia ' +
  'pawel paweł piotr rafal rafał sebastian slawomir tomasz wojciech zofia zbigniew olena oksana olga sergei sergey ' +
  'dmitri vladimir yulia tatiana ivan andriy iryna natalya mykola bogdan'
const ENGLISH_OTHER =
  'alice amy andrew anthony ashley ben benjamin charles charlie chloe daniel david dylan edward elizabeth emily ethan ' +
  'george grace harry helen jack jacob james jessica john jonathan joseph joshua kate katie kelly lily lucy luke matthew ' +
  'megan michael oliver olivia oscar rachel rebecca richard robert samuel sarah sophie steven thomas tyler william ' +
  'jennifer linda patricia susan karen nancy jose carlos maria juan luis pedro ana miguel ivan nikola marko stefan ' +
  'kwame kofi ama chidi ngozi emeka tunde amara okafor'

/** Words that are also first names: a match counts only when the word starts with a capital. */
export const AMBIGUOUS_FIRST_NAMES = new Set(
  (
    'ben mark roos will may hope grace joy frank rose iris sem lies mila dean rick bas kim job jan noor dana nora sam ' +
    'roy max tim tom bo floor fleur sterre lynn jade amber hanna said rida nour sofia eden saba issa zain ali can cem ' +
    'deniz umut onur sultan gracia roy glenn romeo leyla selam elsa ana luis ivan mina hala lama safa badr reda maria ' +
    'helen luke john jack george james kelly rachel ashley daniel david anna emma lisa laura vera esther ruben stefan ' +
    'thomas paul peter victor julia olga isa noa noah levi luca finn jip mees pieter martin gerard herman hugo'
  ).split(' '),
)

export const FIRST_NAMES: readonly string[] = [DUTCH, MOROCCAN, TURKISH, SURINAMESE_ANTILLEAN, ARABIC_SYRIAN_IRAQI_AFGHAN, EAST_AFRICAN, POLISH_EASTERN, ENGLISH_OTHER]
  .join(' ')
  .split(/\s+/)
  .filter(Boolean)
