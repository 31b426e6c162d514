// Common surnames (Dutch, Moroccan, Turkish, Surinamese, Polish, Arabic, Eritrean …), matched in any
// case, so "fatima amrani" or "mevrouw jansen" is masked even without capitals. Hand-curated.

const SURNAMES =
  'jansen janssen de-jong de-vries van-den-berg van-dijk bakker visser smit meijer meyer de-boer mulder de-groot bos vos ' +
  'peters hendriks van-leeuwen dekker brouwer de-wit dijkstra smits de-graaf van-der-meer van-der-linden kok jacobs ' +
  'de-haan vermeulen van-den-heuvel van-der-veen van-den-broek de-bruijn de-bruin van-der-heijden schouten van-beek ' +
  'willems van-vliet van-de-ven hoekstra maas verhoeven koster van-dam van-der-wal prins blom huisman peeters de-jonge ' +
  'kuipers van-veen post kuiper veenstra kramer van-den-brink scholten van-wijk postma martens vink de-ruiter timmermans ' +
  'groen gerritsen jonker van-loon boer van-der-velde willemsen smeets de-lange de-vos bosch van-dongen schipper de-koning ' +
  'van-der-laan koning van-der-velden driessen van-doorn hermans evers van-den-bosch van-der-meulen hofman bosman wolters ' +
  'sanders van-der-horst mol kuijpers molenaar van-de-pol de-leeuw verbeek pietersen pieterse haddou ' +
  'el-amrani amrani el-idrissi idrissi bouzid benali chaouch el-khatib khattabi el-hamdaoui bakkali ouali azzouzi ' +
  'boukhari el-yousfi ait el-ouali aboutaleb marcouch ziyech amrabat bennani tahiri zaouia el-moussaoui moussaoui ' +
  'yilmaz yildiz yildirim ozturk öztürk kaya demir sahin şahin celik çelik aydin aydın ozdemir özdemir arslan dogan doğan ' +
  'kilic kılıç aslan cetin çetin kara koc koç kurt ozkan özkan simsek şimşek polat erdogan erdoğan ' +
  'ramdin ramcharan jagesar bhoendie sewnath kalloe soekhai biharie mangal autar ramlal lachman ' +
  'kowalski kowalska nowak wisniewski wiśniewski wojcik wójcik kowalczyk kaminski kamiński lewandowski zielinski ' +
  'zieliński szymanski szymański wozniak woźniak dabrowski dąbrowski ' +
  'al-hassan alhassan al-ahmad al-ali haddad khoury hamdan nasser saleh darwish mansour ibrahim hussein ' +
  'tekle haile tesfay gebremedhin berhane kidane woldemariam ghebreyesus abraha yohannes mehari ' +
  'okafor okonkwo mensah osei patel smith jones brown taylor wilson clarke'

export const SURNAMES_LIST: readonly string[] = SURNAMES.split(/\s+/)
  .filter(Boolean)
  .map((s) => s.replace(/-/g, " "))
