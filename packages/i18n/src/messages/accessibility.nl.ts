// De toegankelijkheidsverklaring (/toegankelijkheid). B1: korte zinnen, gewone woorden, eerlijk over wat nog niet werkt.
export const accessibilityNl = {
  footerLink: 'Toegankelijkheid',
  title: 'Toegankelijkheid',
  intro: 'Iedereen moet Kracht kunnen gebruiken. Ook als je slecht ziet, geen muis gebruikt, de tekst groot zet of een oude telefoon hebt. Hier lees je wat we doen, wat nog niet goed werkt en hoe je een probleem meldt.',
  goalTitle: 'Wat we willen',
  goal: 'Kracht moet voldoen aan de regels voor toegankelijke websites: WCAG 2.2, niveau AA. Die regels gelden ook voor de overheid en veel zorg in Nederland.',
  testedTitle: 'Wat we testen',
  tested: {
    axe: 'Elke pagina, voor iedereen die Kracht gebruikt (cliënt, begeleider, ervaringsdeskundige, coördinator) en ook zonder in te loggen. Op een telefoon (360 pixels breed) en op een computer (1280 pixels breed). Een programma (axe) zoekt dan naar fouten, zoals te weinig kleurverschil of een knop zonder naam.',
    keyboard: 'Toetsenbord: wat een cliënt het meest doet, kan ook zonder muis. Inloggen, een zin schrijven, een prioriteit kiezen, met de assistent praten en delen met je begeleider. Je ziet altijd waar je bent. Druk je één keer op Tab, dan zie je een link die je meteen naar de inhoud brengt.',
    zoom: 'Grote tekst: je kunt alles twee keer zo groot maken (200 %). Je hoeft dan niet opzij te schuiven en er valt geen tekst weg.',
    phone: 'Telefoon: op een smal scherm hoef je nergens opzij te schuiven.',
    noScript: 'De belangrijkste pagina\'s werken ook zonder JavaScript.',
    screenReaders: 'Schermlezers: de pagina\'s hebben koppen, labels en vaste delen (kop, inhoud, voet), zodat een schermlezer ze goed kan voorlezen.',
  },
  testedRerun: 'Deze tests horen bij Kracht. Iedereen die Kracht installeert, kan ze opnieuw laten lopen.',
  knownTitle: 'Wat nog niet goed werkt',
  known: {
    screenReaders: 'We hebben Kracht nog niet getest met mensen die elke dag een schermlezer gebruiken. Bijvoorbeeld NVDA, JAWS, VoiceOver of TalkBack. Dat willen we nog doen.',
    timeout: 'Na 30 minuten zonder iets te doen word je vanzelf uitgelogd. Je krijgt daar nog geen waarschuwing voor, en je kunt die tijd niet zelf langer maken.',
    languages: 'Kracht is er in het Nederlands en het Engels. Andere talen, voorlezen en gebarentaal zijn er nog niet.',
    prints: 'De pagina\'s om af te drukken zijn gemaakt voor papier. Gebruik voor het lezen op een scherm liever de gewone pagina.',
  },
  reportTitle: 'Een probleem melden',
  report: 'Werkt iets niet voor jou? Dat willen we graag weten. Het ligt niet aan jou.',
  reportHow: {
    client: 'Vertel het je begeleider, of stuur je begeleider een bericht in Kracht.',
    staff: 'Werk je bij de organisatie? Meld het bij je coördinator.',
    what: 'Zeg erbij op welke pagina het was en wat je wilde doen. En wat je gebruikt, bijvoorbeeld een telefoon, een schermlezer of grote tekst.',
  },
  reportAnswer: 'De organisatie zoekt het uit en laat je weten wat ze ermee doet.',
  updated: 'Deze verklaring is voor het laatst bijgewerkt op 30 november 2026.',
} as const
