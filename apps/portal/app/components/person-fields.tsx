import { areas, periods, rings, supportKinds } from '../lib/network'
import { useT } from '../lib/i18n'
import { NetworkError } from './network-map'

export interface PersonValues {
  name: string
  area: string
  ring: number | string
  support: readonly string[]
  note: string | null
  period: string
}

export const emptyPerson: PersonValues = { name: '', area: '', ring: '', support: [], note: null, period: 'now' }

/** What someone typed, back into the fields after a refused save. */
export function personValuesFrom(values: Record<string, string | string[]>): PersonValues {
  const one = (key: string) => {
    const value = values[key]
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
  }
  const support = values['support']
  return { name: one('name'), area: one('area'), ring: one('ring'), support: Array.isArray(support) ? support : support ? [support] : [], note: one('note'), period: one('period') || 'now' }
}

/**
 * The fields of one person on the map, for adding, changing and (staff) suggesting. Plain inputs in
 * a real form: they work without JavaScript; each error stands beside its field.
 */
export function PersonFields({ prefix, values, fields }: { prefix: string; values: PersonValues; fields: Record<string, string> }) {
  const t = useT()
  const id = (name: string) => `${prefix}-${name}`
  const described = (name: string, hint?: boolean) => [hint ? `${id(name)}-hint` : null, fields[name] ? `${id(name)}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <>
      <div className={fields.name ? 'field field--error' : 'field'}>
        <label htmlFor={id('name')}>{t('network.add.name')}</label>
        <p className="hint" id={`${id('name')}-hint`}>
          {t('network.add.nameHint')}
        </p>
        <input id={id('name')} name="name" defaultValue={values.name} maxLength={400} required autoComplete="off" aria-invalid={fields.name ? true : undefined} aria-describedby={described('name', true)} />
        <NetworkError id={`${id('name')}-error`} code={fields.name} />
      </div>
      <div className={fields.area ? 'field field--error' : 'field'}>
        <label htmlFor={id('area')}>{t('network.add.area')}</label>
        <select id={id('area')} name="area" defaultValue={values.area} required aria-invalid={fields.area ? true : undefined} aria-describedby={described('area')}>
          {values.area ? null : <option value="">{t('assistant.cards.chooseArea')}</option>}
          {areas.map((area) => (
            <option key={area} value={area}>
              {t(`network.areas.${area}`)}
            </option>
          ))}
        </select>
        <NetworkError id={`${id('area')}-error`} code={fields.area} />
      </div>
      <div className={fields.ring ? 'field field--error' : 'field'}>
        <label htmlFor={id('ring')}>{t('network.add.ring')}</label>
        <select id={id('ring')} name="ring" defaultValue={String(values.ring)} required aria-invalid={fields.ring ? true : undefined} aria-describedby={described('ring')}>
          {values.ring ? null : <option value="">{t('assistant.cards.chooseRing')}</option>}
          {rings.map((ring) => (
            <option key={ring} value={ring}>
              {t(`network.rings.r${ring}`)}
            </option>
          ))}
        </select>
        <NetworkError id={`${id('ring')}-error`} code={fields.ring} />
      </div>
      <fieldset className={fields.support ? 'field field--error' : 'field'}>
        <legend>{t('network.add.support')}</legend>
        {supportKinds.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="checkbox" name="support" value={kind} defaultChecked={values.support.includes(kind)} /> {t(`network.support.${kind}`)}
          </label>
        ))}
        <NetworkError id={`${id('support')}-error`} code={fields.support} />
      </fieldset>
      <div className={fields.note ? 'field field--error' : 'field'}>
        <label htmlFor={id('note')}>{t('network.add.note')}</label>
        <p className="hint" id={`${id('note')}-hint`}>
          {t('network.add.noteHint')}
        </p>
        <textarea id={id('note')} name="note" defaultValue={values.note ?? ''} rows={2} maxLength={1000} aria-invalid={fields.note ? true : undefined} aria-describedby={described('note', true)} />
        <NetworkError id={`${id('note')}-error`} code={fields.note} />
      </div>
      <fieldset className="field">
        <legend>{t('network.add.period')}</legend>
        {periods.map((period) => (
          <label key={period} className="checkbox">
            <input type="radio" name="period" value={period} defaultChecked={values.period === period} /> {t(`network.periods.${period}`)}
          </label>
        ))}
        <NetworkError id={`${id('period')}-error`} code={fields.period} />
      </fieldset>
    </>
  )
}
