// "Wie heeft mijn gegevens bekeken": de soorten regels in het logboek. Korte zinnen, B1.
export const accessLogNl = {
  exported: 'Je hebt al je gegevens gedownload',
  accountEnded: '{name} heeft je account beëindigd, omdat je begeleiding klaar is',
  accountTried: '{name} wilde al je gegevens downloaden of je account verwijderen. Dat mag alleen jij, dus het lukte niet',
  aiModel: 'Je antwoord ging zonder namen naar de AI-hulp',
  aiModelWith: 'Je werkte samen met {name}. Je antwoord ging zonder namen naar de AI-hulp',
  notifications: '{name} las een bericht over jou',
  peopleList: '{name} zag je naam in de lijst van cliënten',
  clientWorkers: '{name} bekeek wie jouw begeleiders zijn',
  workerLinked: '{name} heeft een begeleider aan jou gekoppeld',
  workerUnlinked: '{name} heeft een begeleider van jou losgekoppeld',
  resetCreated: '{name} maakte een nieuwe inlogcode voor jou',
  resetApproved: '{name} gaf toestemming voor een nieuwe inlogcode voor jou',
  resetUsed: 'Er is ingelogd met een nieuwe inlogcode',
  logRead: 'Je bekeek dit logboek',
}
