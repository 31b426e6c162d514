import type { PiiKind } from './kinds'

/**
 * Special-category words (GDPR art. 9 and 10): masked by category, so "ik gebruik methadon"
 * reaches the model as "ik gebruik [VERSLAVING_1]". Stems: a word that starts with one counts
 * ("schulden", "schuldhulpverlening"). Dutch and English.
 */
export const SPECIAL_TERMS: Record<Extract<PiiKind, 'health' | 'addiction' | 'debts' | 'justice' | 'sexuality' | 'religion'>, string> = {
  addiction:
    'methadon|heroïne|heroine|heroin|cocaïne|cocaine|coke|crack|speed|xtc|ecstasy|mdma|ghb|ketamine|wiet|hasj|blowen|' +
    'geblowd|drugs|drugsgebruik|verslaafd|verslaving|verslaafde|afkick|detox|subutex|suboxone|antabus|alcoholist|' +
    'alcoholisme|alcoholprobleem|drankprobleem|gokverslaving|gokken|addict|rehab|alcoholic|opiaten|opioïden|fentanyl|lachgas',
  health:
    'depressie|depressief|depressed|depression|schizofren|schizophren|psychose|psychotisch|psychosis|psychotic|bipolair|' +
    'bipolar|manisch|borderline|ptss|ptsd|trauma|adhd|autisme|autist|autism|ocd|dwangstoornis|angststoornis|' +
    'paniekaanval|eetstoornis|anorexia|boulimia|hiv|aids|hepatitis|diabetes|suikerziekte|kanker|cancer|epilepsie|' +
    'epilepsy|dementie|dementia|zwanger|pregnant|abortus|abortion|miskraam|antidepressiva|antidepressant|oxazepam|' +
    'diazepam|lorazepam|temazepam|seroquel|quetiapine|risperdal|risperidon|haldol|lithium|ritalin|methylfenidaat|' +
    'sertraline|citalopram|paroxetine|fluoxetine|prozac|zoloft|insuline|insulin|psychiater|psychiatrist|psychiatrie|' +
    'psychiatrisch|psycholoog|psychologist|diagnose|diagnosis|gediagnosticeerd|diagnosed|medicatie|medication|' +
    'medicijnen|licht verstandelijk|lvb|chronisch|chronic|gehandicapt|handicap|rolstoel|wheelchair|' +
    'opname|opgenomen in|gesloten afdeling|crisisopname|slaappillen|sleeping pills',
  debts:
    'schuld|schulden|schuldhulp|schuldsanering|schuldeiser|wsnp|bewindvoer|bewindvoering|bewind|deurwaarder|incasso|' +
    'betalingsachterstand|huurachterstand|achterstand|beslag|loonbeslag|aanmaning|afbetalingsregeling|debt|debts|' +
    'bailiff|arrears|eviction|huisuitzetting|uitzetting|bijstand|uitkering|welfare',
  justice:
    'gevangenis|bajes|detentie|gedetineerd|cel gezeten|in de cel|reclassering|taakstraf|enkelband|veroordeeld|' +
    'strafblad|tbs|jeugdgevangenis|jji|opgepakt|gearresteerd|arrest|rechtszaak|rechtbank|strafzaak|voorwaardelijk|' +
    'prison|jail|probation|convicted|criminal record|court case|parole|politiecel|verdachte|aangifte tegen mij',
  sexuality:
    'homo|homoseksueel|lesbisch|lesbienne|lesbian|gay|biseksueel|bisexual|transgender|transvrouw|transman|trans|queer|' +
    'lhbt|lhbti|lgbt|lgbtq|non-binair|nonbinary|non-binary|seksuele voorkeur|sexual orientation|coming-out|uit de kast',
  religion:
    'moslim|moslima|muslim|islam|islamitisch|islamic|christen|christelijk|christian|katholiek|catholic|protestant|' +
    'joods|jewish|jood|hindoe|hindu|boeddhist|buddhist|sikh|moskee|mosque|kerk|church|synagoge|synagogue|tempel|temple|' +
    'koran|quran|bijbel|bible|hoofddoek|hijab|gebed|bidden|pray|praying|ramadan|imam|dominee|pastoor|priest|jehova',
}

/** Terms that stand for a whole word only (too short or too common as the start of other words). */
const WHOLE_WORD = new Set([
  'coke', 'crack', 'speed', 'xtc', 'ghb', 'hiv', 'aids', 'ocd', 'lvb', 'tbs', 'jji', 'homo', 'gay', 'trans', 'queer', 'kerk',
  'church', 'bewind', 'arrest', 'cel', 'opname', 'trauma', 'gebed', 'pray', 'jood', 'sikh', 'lithium', 'bijstand', 'beslag',
  'schuld', 'achterstand', 'temple', 'tempel', 'imam', 'pastoor', 'dominee', 'diagnose', 'chronisch', 'chronic', 'handicap',
  'uitzetting', 'welfare', 'debt', 'islam', 'christen', 'protestant', 'zwanger', 'rehab', 'addict', 'drugs', 'wiet', 'hasj',
  'gokken', 'bidden', 'moslim', 'hindoe', 'hindu', 'jehova', 'lgbt', 'lhbt', 'priest', 'jail', 'prison', 'parole',
])

export function specialPatterns(): Array<{ kind: PiiKind; re: RegExp }> {
  return Object.entries(SPECIAL_TERMS).map(([kind, terms]) => {
    const parts = terms
      .split('|')
      .sort((a, b) => b.length - a.length)
      .map((t) => {
        const p = t.replace(/[.*+?^${}()[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
        return WHOLE_WORD.has(t) ? `${p}(?![\\p{L}\\p{N}])` : `${p}[\\p{L}-]*`
      })
    return { kind: kind as PiiKind, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu') }
  })
}
