import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '../lib/auth.server'
import { useLocale, useT, pageTitle } from '../lib/i18n'
import { formatAmount, moneyHelperKinds } from '../lib/livelihood'
import { loadBridge, loadMoney } from '../lib/livelihood.server'
import { BridgeList, BridgePicture } from '../components/bridge-picture'
import livelihoodStyles from '../styles/livelihood.css?url'

export const meta: MetaFunction = pageTitle('titles.brugEnGeld')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: livelihoodStyles }]

const Params = z.object({ clientId: z.string().uuid() })

/**
 * A worker or peer expert reads the client's bridge and money page only when the client shared
 * `livelihood` (the API's gate decides and logs each read). Read only: the words are the client's.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const [bridge, money] = await Promise.all([loadBridge(request, context, clientId), loadMoney(request, context, clientId)])
  if (!bridge || !money) return data({ clientId, bridge: null, money: null }, { status: 403 })
  return { clientId, bridge, money }
}

export default function SharedBridge() {
  const t = useT()
  const locale = useLocale()
  const { clientId, bridge, money } = useLoaderData<typeof loader>()
  const euro = (cents: number | null) => (cents === null ? '' : ` · € ${formatAmount(cents, locale)}`)
  const kind = (value: string) => t(`livelihood.money.helperKinds.${moneyHelperKinds.find((k) => k === value) ?? 'other'}`)
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}`}>← {t('sharing.backToClient')}</Link>
      </p>
      <h1>{t('livelihood.worker.title')}</h1>
      {!bridge || !money ? (
        <p data-testid="livelihood-not-shared">{t('livelihood.worker.notShared')}</p>
      ) : (
        <>
          <p className="muted">{t('livelihood.worker.intro')}</p>
          <h2>{t('livelihood.bridge.pictureTitle')}</h2>
          <BridgePicture pillars={bridge.pillars} />
          <BridgeList pillars={bridge.pillars} />
          <h2>{t('livelihood.money.title')}</h2>
          {money.version === 0 ? (
            <p>{t('livelihood.worker.moneyEmpty')}</p>
          ) : (
            <div className="stack">
              <MoneyList title={t('livelihood.money.sections.income')} lines={money.income.map((line) => `${line.source}${euro(line.amountCents)}`)} />
              <MoneyList title={t('livelihood.money.sections.fixedCosts')} lines={money.fixedCosts.map((line) => `${line.what}${euro(line.amountCents)}`)} />
              <MoneyList title={t('livelihood.money.sections.debts')} lines={money.debts.map((line) => `${line.toWhom}${euro(line.amountCents)}${line.arrangement ? ` · ${line.arrangement}` : ''}`)} />
              <MoneyList title={t('livelihood.money.sections.helpers')} lines={money.helpers.map((helper) => (helper.name ? `${kind(helper.kind)}: ${helper.name}` : kind(helper.kind)))} />
              {money.note ? <MoneyList title={t('livelihood.money.sections.note')} lines={[money.note]} /> : null}
            </div>
          )}
        </>
      )}
    </div>
  )
}

function MoneyList({ title, lines }: { title: string; lines: string[] }) {
  const t = useT()
  return (
    <section className="card">
      <h3>{title}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t('livelihood.worker.nothing')}</p>
      ) : (
        <ul className="plain-list">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
