// Organisations clients name: shelters and care providers, schools, big employers. Matched in any
// case. A client's own organisation comes from the database (passed in by the service), so this
// list is a safety net, not the only source. National bodies (IND, CJIB, DUO, UWV) are not masked:
// they identify nobody and the model needs them to understand the sentence.

const CARE =
  'leger des heils|kwintes|arkin|brijder|jellinek|parnassia|ggz|lister|altrecht|tactus|novadic|novadic-kentron|' +
  'iriszorg|mondriaan|ggnet|pro persona|dimence|mentrum|reinier van arkel|ggz centraal|yulius|antes|bouman|' +
  'humanitas|vluchtelingenwerk|vluchtelingenwerk nederland|blijf groep|moviera|fier|kadera|sterk huis|veilig thuis regio|' +
  'perspektief|de waag|exodus|stichting exodus|het ptc|timon|jeugdbescherming|william schrikker|' +
  'cordaan|amsta|philadelphia|ipse de bruggen|severinus|lijn5|het hoofdhuis|de hoofdzaak|wijkteam|buurtteam|' +
  'salvation army|kessler stichting|straatpastoraat|de regenboog groep|regenboog groep|hvo-querido|hvo querido|' +
  'de tussenvoorziening|tussenvoorziening|centrum maliebaan|victas|kentron|emergis|vincent van gogh|' +
  'voedselbank|schuldhulpmaatje|humanitas thuisadministratie|het leger|coa|azc'
const WORK_SCHOOL =
  'albert heijn|jumbo|lidl|aldi|plus|dirk|hema|action|ikea|kruidvat|etos|primark|zara|h&m|mcdonalds|mcdonald\'s|' +
  'burger king|kfc|postnl|dhl|ups|bol.com|coolblue|randstad|tempo-team|start people|olympia|ns|gvb|ret|htm|' +
  'schiphol|philips|asml|shell|tata steel|rabobank|abn amro|ing|sns|asn|bunq|triodos|ziggo|kpn|vodafone|' +
  'roc mondriaan|roc midden nederland|roc van amsterdam|roc tilburg|summa college|albeda|zadkine|graafschap college|' +
  'mbo utrecht|hogeschool utrecht|hva|hogeschool van amsterdam|fontys|avans|saxion|windesheim|inholland|' +
  'stedelijk gymnasium|taalhuis|tesco|sainsbury\'s|asda|amazon'

export const ORGANISATIONS: readonly string[] = [CARE, WORK_SCHOOL].join('|').split('|').filter(Boolean)

/** Words that make the next capitalised words an organisation: "basisschool De Regenboog". */
export const ORGANISATION_HEADS =
  'stichting|vereniging|basisschool|school|college|lyceum|gymnasium|mavo|havo|vwo|roc|mbo|hogeschool|universiteit|' +
  'opvang|vrouwenopvang|nachtopvang|dagopvang|kliniek|ziekenhuis|huisartsenpraktijk|praktijk|bakkerij|slagerij|' +
  'supermarkt|restaurant|cafe|café|bedrijf|firma|garage|kapsalon|moskee|kerk|sv|vv|fc|sportclub|voetbalclub|' +
  'woningcorporatie|woonstichting|taalhuis|buurthuis|wijkcentrum|buurtcentrum|gemeente|bibliotheek|hotel|' +
  'hospital|clinic|shelter|company|church|mosque|academy|university|foundation'
