import type { DemoSeedResult } from '@kracht/db'
import type { Deps } from './lib/env'
import type { BridgePillar } from '@kracht/method'
import { createStatement, setPriorities, setRemarks, type NewStatement } from './services/inventory'
import { addPlacement } from './services/livelihood/bridge'
import { saveMoneyPage } from './services/livelihood/money'

// Sam's inventory as it grew over about three months: realistic, partly filled (7 of 10 domains),
// some in the past, a few with "niet" so the gentle feedback shows.
const samStatements: (NewStatement & { daysAgo: number })[] = [
  { daysAgo: 92, domain: 'housing', time: 'present', form: 'i_have', text: 'Ik heb sinds kort een eigen kamer in de opvang, met een raam aan de tuinkant.' },
  { daysAgo: 92, domain: 'housing', time: 'future', form: 'i_want', text: 'Ik wil een eigen huurhuis in Utrecht, dicht bij mijn dochter.' },
  { daysAgo: 90, domain: 'housing', time: 'past', form: 'i_can', text: 'Vroeger hield ik mijn huis altijd netjes en kookte ik elke dag.' },
  { daysAgo: 90, domain: 'housing', time: 'present', form: 'i_know', text: 'Ik weet hoe ik een wasmachine en de was regel in de opvang.' },
  { daysAgo: 85, domain: 'finances', time: 'present', form: 'i_have', text: 'Ik heb een uitkering en een budgetcoach die met mij meekijkt.' },
  { daysAgo: 85, domain: 'finances', time: 'present', form: 'i_can', text: 'Ik kan goed rekenen en ik houd een schriftje bij met wat ik uitgeef.' },
  { daysAgo: 80, domain: 'finances', time: 'future', form: 'i_want', text: 'Ik wil over een jaar geen schulden meer hebben.' },
  { daysAgo: 80, domain: 'children', time: 'present', form: 'i_have', text: 'Ik heb een dochter van 9, Lina. Ik zie haar elke zaterdag.' },
  { daysAgo: 78, domain: 'children', time: 'present', form: 'i_am', text: 'Ik ben een lieve en geduldige moeder.' },
  { daysAgo: 78, domain: 'children', time: 'future', form: 'i_want', text: 'Ik wil dat Lina weer bij mij kan logeren.' },
  { daysAgo: 70, domain: 'relationships', time: 'present', form: 'i_have', text: 'Ik heb een goed contact met mijn zus, zij belt mij elke week.' },
  { daysAgo: 70, domain: 'relationships', time: 'past', form: 'i_have', text: 'Vroeger had ik veel vrienden van het voetbal.' },
  { daysAgo: 65, domain: 'relationships', time: 'present', form: 'i_am', text: 'Ik ben behulpzaam, ik help de nieuwe mensen in de opvang op weg.' },
  { daysAgo: 60, domain: 'work', time: 'past', form: 'i_can', text: 'Ik heb acht jaar in een bakkerij gewerkt, ik kan brood en taart bakken.' },
  { daysAgo: 60, domain: 'work', time: 'present', form: 'i_am', text: 'Ik ben hard werkend en altijd op tijd.' },
  { daysAgo: 55, domain: 'work', time: 'future', form: 'i_want', text: 'Ik wil weer werken in een bakkerij, eerst een paar ochtenden per week.' },
  { daysAgo: 55, domain: 'work', time: 'present', form: 'i_can', text: 'Ik kan niet goed met computers.' },
  { daysAgo: 45, domain: 'leisure', time: 'present', form: 'i_can', text: 'Ik kan goed tekenen, vooral dieren en bloemen.' },
  { daysAgo: 45, domain: 'leisure', time: 'past', form: 'i_am', text: 'Ik was keeper bij de zaterdagclub.' },
  { daysAgo: 40, domain: 'leisure', time: 'future', form: 'i_want', text: 'Ik wil graag weer eens naar de film met mijn zus.' },
  { daysAgo: 30, domain: 'health', time: 'present', form: 'i_know', text: 'Ik weet wat goede voeding is en ik kook zelf als het kan.' },
  { daysAgo: 30, domain: 'health', time: 'present', form: 'i_am', text: 'Ik ben al vier maanden niet meer gaan drinken.' },
  { daysAgo: 20, domain: 'health', time: 'future', form: 'i_want', text: 'Ik wil elke ochtend een half uur wandelen.' },
  { daysAgo: 10, domain: 'health', time: 'present', form: 'i_have', text: 'Ik heb een huisarts die naar mij luistert.' },
  { daysAgo: 5, domain: 'housing', time: 'present', form: 'i_can', text: 'Ik kan mijn afspraken bijhouden in de agenda op mijn telefoon.' },
]

const day = 86_400_000

// Sam on the bridge, twice: two months ago on all five pillars, last week again on money and work
// (a step further on money). Plain, positive words; no grade anywhere.
const samPlacements: { daysAgo: number; pillar: BridgePillar; step: number; nextStep: number | null; note: string | null }[] = [
  { daysAgo: 60, pillar: 'family', step: 2, nextStep: 3, note: 'Ik woon nu in de opvang. Ik wil een eigen plek, dicht bij Lina.' },
  { daysAgo: 60, pillar: 'wellbeing', step: 3, nextStep: null, note: null },
  { daysAgo: 60, pillar: 'money', step: 1, nextStep: 2, note: 'Eerst overzicht, samen met de budgetcoach.' },
  { daysAgo: 60, pillar: 'education', step: 1, nextStep: null, note: null },
  { daysAgo: 60, pillar: 'work', step: 1, nextStep: 2, note: 'Ik wil weer bakken.' },
  { daysAgo: 8, pillar: 'money', step: 2, nextStep: 3, note: 'Ik weet nu wat er binnenkomt en wat eruit gaat.' },
  { daysAgo: 8, pillar: 'work', step: 2, nextStep: 3, note: null },
]

/** Adds the demo client's content through the same services the API uses. */
export async function seedDemoContent(deps: Deps, seeded: DemoSeedResult): Promise<void> {
  const clientId = seeded.userIds.sam
  if (!clientId) return
  const now = deps.now().getTime()
  const at = (daysAgo: number): Deps => ({ ...deps, now: () => new Date(now - daysAgo * day) })
  for (const { daysAgo, ...statement } of samStatements) {
    await createStatement(at(daysAgo), { clientId, actorId: clientId, statement })
  }
  await setPriorities(at(50), {
    clientId,
    actorId: clientId,
    version: 0,
    priorities: [
      { domain: 'housing', wish: 'Een eigen plek waar Lina kan logeren.' },
      { domain: 'work', wish: 'Weer bakken, eerst een paar ochtenden.' },
    ],
  })
  await setRemarks(at(49), {
    clientId,
    actorId: clientId,
    version: 1,
    remarks: 'Ik wil dit samen met Noor bespreken voordat we het actieplan maken.',
  })
  const latest = new Map<BridgePillar, string>()
  for (const { daysAgo, pillar, ...placement } of samPlacements) {
    const saved = await addPlacement(at(daysAgo), clientId, { pillar, ...placement, after: latest.get(pillar) ?? null })
    latest.set(pillar, saved.id)
  }
  await saveMoneyPage(at(8), {
    clientId,
    version: 0,
    locale: 'nl',
    content: {
      income: [{ source: 'Uitkering', amountCents: null }],
      fixedCosts: [
        { what: 'Eigen bijdrage opvang', amountCents: null },
        { what: 'Telefoon', amountCents: 1500 },
      ],
      debts: [{ toWhom: 'De zorgverzekeraar', amountCents: null, arrangement: 'Een betalingsregeling: elke maand een klein bedrag.' }],
      helpers: [{ kind: 'budget_coach', name: null }],
      note: 'Ik houd een schriftje bij met wat ik uitgeef.',
    },
  })
}
