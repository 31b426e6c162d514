// Capitalised words that are no one's personal data and that the model needs to understand a
// sentence: the pronoun I, days, months, feasts, God, countries, languages and nationalities,
// national bodies and help lines (they identify nobody), and the product's own words.

const WORDS =
  "i i'm i’m i'll i've i'd ik oké ok ai tv dj pc app sms ps " +
  'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday friday saturday sunday ' +
  'januari februari maart april mei juni juli augustus september oktober november december january february march may ' +
  'june july august october ' +
  'god allah jezus jesus kerst kerstmis pasen pinksteren ramadan suikerfeest offerfeest sinterklaas koningsdag oud nieuw ' +
  'oudjaar christmas easter eid diwali holi keti koti ' +
  'nederland nederlands nederlandse nederlander holland hollands engeland engels engelse english dutch marokko ' +
  'marokkaans marokkaanse turkije turks turkse suriname surinaams surinaamse syrië syrie syrisch eritrea eritrees ' +
  'eritrese ethiopië somalië somalisch polen pools poolse roemenië roemeens bulgarije oekraïne oekraïens afghanistan ' +
  'afghaans irak iraaks iran iraans perzisch farsi dari pashto arabisch arabic arabisch tigrinya amhaars koerdisch ' +
  'berbers tamazight frans franse duits duitse duitsland belgië belgisch spaans spanje portugees italiaans europa ' +
  'afrika azië amerika antillen curaçao aruba bonaire morocco turkey syria poland germany france britain england ' +
  'europe africa french german spanish polish turkish moroccan syrian somali ' +
  'ind cjib duo uwv svb ggd cak dji cbr rdw belastingdienst digid bsn iban ' +
  'veilig thuis 113 zelfmoordpreventie kracht vip krachtwerk wmo v-nummer v-number bsn-nummer us usa uk eu ' +
  'dr drs mr mrs ms mw mevr dhr meneer mevrouw juf meester dokter'

export const SAFE_CAPITALISED = new Set([...WORDS.split(/\s+/).filter(Boolean), 'veilig thuis', 'oud en nieuw', 'de belastingdienst'])
