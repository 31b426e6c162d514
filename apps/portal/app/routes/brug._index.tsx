import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { bridgePillars, pillarSlug } from '../lib/livelihood'
import { loadBridge } from '../lib/livelihood.server'
import { BridgeList, BridgePicture } from '../components/bridge-picture'
import { Notice } from '../components/field'
import livelihoodStyles from '../styles/livelihood.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnBrug')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: livelihoodStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const bridge = await loadBridge(request, context, user.id)
  if (!bridge) throw new Response('unavailable', { status: 503 })
  return { bridge }
}

/** The client's bridge over time: the picture, the same in words, and the way to place themselves again. */
export default function MyBridge() {
  const t = useT()
  const { bridge } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const placed = bridge.pillars.some((pillar) => pillar.current !== null)
  const first = bridgePillars[0]
  return (
    <div className="page page--narrow">
      <h1>{t('livelihood.bridge.title')}</h1>
      <p className="lead">{t('livelihood.bridge.intro')}</p>
      {params.get('klaar') ? <Notice>{t('livelihood.bridge.done')}</Notice> : null}
      <p className="no-print">
        <Link to={`/brug/${pillarSlug(first)}`} className="button">
          {placed ? t('livelihood.bridge.again') : t('livelihood.bridge.start')}
        </Link>
      </p>
      <p className="hint no-print">{t('livelihood.bridge.startHint')}</p>
      <h2>{t('livelihood.bridge.pictureTitle')}</h2>
      <BridgePicture pillars={bridge.pillars} />
      <h2>{t('livelihood.bridge.listTitle')}</h2>
      <BridgeList pillars={bridge.pillars} linked />
      <p className="muted">{t('livelihood.bridge.sharedNote')}</p>
      <p className="muted no-print">{t('livelihood.bridge.print')}</p>
    </div>
  )
}
