import { useT } from '../lib/i18n'
import { planParts, type PlanLines } from '../lib/safety-plan'

/** The plan read-only, part by part, in the client's words: on /hulp, in print and for a worker. */
export function SafetyPlanView({ plan, headingLevel = 2 }: { plan: PlanLines; headingLevel?: 2 | 3 }) {
  const t = useT()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div className="plan-view">
      {planParts.map((part) => (
        <section key={part} className="plan-view-part">
          <Heading>{t(`safety.plan.parts.${part}`)}</Heading>
          {plan[part].length === 0 ? (
            <p className="print-empty">…</p>
          ) : (
            <ul>
              {plan[part].map((line, index) => (
                <li key={`${part}-${index}`}>{line}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}

