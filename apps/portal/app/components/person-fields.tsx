import type { FieldMetadata } from '../forms/use-form'
import { areas, periods, rings, supportKinds } from '../lib/network'
import { useT } from '../lib/i18n'
import { CheckboxGroup, RadioGroup, SelectField, TextareaField, TextField } from '../forms/field-components'
import type { OwnGroup } from '../forms/submission.server'

// The network's messages come with a form's answer (forms/reply-texts.ts): the page need not carry them.
// route-texts: -network.errors

type Meta<S> = FieldMetadata<S>

/** The conform fields of a form built on PersonSchema (a suggestion adds its own beside them). */
export interface PersonMetas {
  name: Meta<string>
  area: Meta<string>
  ring: Meta<string>
  support: Meta<string[] | undefined>
  note: Meta<string | undefined>
  period: Meta<string | undefined>
}

/** The network's own messages (`network.errors.*`), read before the general field messages. */
const own: OwnGroup = 'network.errors'

/** A person as the API gives it, as the form's first values (the ring as the select's text). */
export function personDefaults(person: { name: string; area: string; ring: number; support: readonly string[]; note: string | null; period: string }) {
  return { name: person.name, area: person.area, ring: String(person.ring), support: [...person.support], note: person.note ?? '', period: person.period }
}

/**
 * The fields of one person on the map, for adding, changing and (staff) suggesting. Plain inputs in
 * a real form: they work without JavaScript; each error stands beside its field.
 */
export function PersonFields({ fields }: { fields: PersonMetas }) {
  const t = useT()
  return (
    <>
      {/* No maxlength: a pasted name too long is said beside the field, every letter kept. */}
      <TextField meta={fields.name} label={t('network.add.name')} hint={t('network.add.nameHint')} autoComplete="off" maxLength={undefined} own={own} />
      <SelectField
        meta={fields.area}
        label={t('network.add.area')}
        emptyOption={fields.area.initialValue ? undefined : t('assistant.cards.chooseArea')}
        options={areas.map((area) => ({ value: area, label: t(`network.areas.${area}`) }))}
        own={own}
      />
      <SelectField
        meta={fields.ring}
        label={t('network.add.ring')}
        emptyOption={fields.ring.initialValue ? undefined : t('assistant.cards.chooseRing')}
        options={rings.map((ring) => ({ value: String(ring), label: t(`network.rings.r${ring}`) }))}
        own={own}
      />
      <CheckboxGroup
        meta={fields.support}
        legend={t('network.add.support')}
        optionClassName="checkbox"
        options={supportKinds.map((kind) => ({ value: kind, label: t(`network.support.${kind}`) }))}
        own={own}
      />
      <TextareaField meta={fields.note} label={t('network.add.note')} hint={t('network.add.noteHint')} rows={2} maxLength={undefined} own={own} />
      <RadioGroup
        meta={fields.period}
        legend={t('network.add.period')}
        optionClassName="checkbox"
        options={periods.map((period) => ({ value: period, label: t(`network.periods.${period}`) }))}
        own={own}
      />
    </>
  )
}
