import { useEffect } from 'react'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { localeFromAcceptLanguage, translator, type Locale } from '@kracht/i18n'
import stylesheet from './styles.css?url'
import { getUser, type SessionUser } from './lib/auth.server'
import { localeFromCookie, useLocale, useT } from './lib/i18n'
import { DraftKeeper } from './components/draft-keeper'
import { isNetworkFailure } from './lib/connection'
import { useNonce } from './lib/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Kracht' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context)
  const locale: Locale = localeFromCookie(request.headers.get('cookie')) ?? localeFromAcceptLanguage(request.headers.get('accept-language'))
  // A fresh key for the writing forms of this render (components/idempotency-key.tsx): the root loader
  // runs again after every submit, so each new item gets its own.
  return { user, locale, nonce: context.nonce, formKey: crypto.randomUUID() }
}

interface RootData {
  user: SessionUser | null
  locale: Locale
  nonce: string
  formKey: string
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>('root')
  const locale = data?.locale ?? 'nl'
  const t = translator(locale)
  const user = data?.user ?? null
  const location = useLocation()
  const back = location.pathname + location.search
  const switchTo = t('common.switchToLang')
  const nonce = useNonce(data?.nonce)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#245c4f" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('common.skipToContent')}
        </a>
        <header className="site-header">
          <Link to="/" className="brand" aria-label={`${t('common.appName')} – ${t('common.home')}`}>
            <span aria-hidden="true" className="brand-mark">
              ●
            </span>
            {t('common.appName')}
          </Link>
          <nav className="header-actions" aria-label={t('common.menu')}>
            {/* A full page load, so the browser loads the other language's texts (texts/vite-plugin.ts). */}
            <Form method="post" action="/taal" className="inline-form" reloadDocument>
              <input type="hidden" name="lang" value={switchTo} />
              <input type="hidden" name="terug" value={back} />
              <button type="submit" className="link-button" lang={switchTo}>
                {t('common.switchTo')}
              </button>
            </Form>
            {user ? (
              <Form method="post" action="/uitloggen" className="inline-form">
                <button type="submit" className="link-button">
                  {t('common.signOut')}
                </button>
              </Form>
            ) : null}
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          <DraftKeeper owner={user?.id ?? null} />
          {children}
        </main>
        <footer className="site-footer">
          {/* Help is one tap away on every page, signed in or not, without JavaScript. */}
          <Link to="/hulp" className="help-link">
            {t('common.help')}
          </Link>
          <Link to="/toegankelijkheid" className="footer-link">
            {t('accessibility.footerLink')}
          </Link>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  // Marks the page as answering through React from now on: browser tests wait for it before they type,
  // as a person's first taps on a slow phone otherwise race the hydration (test/support/pages.ts).
  useEffect(() => {
    document.documentElement.dataset['hydrated'] = ''
  }, [])
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  useLocale()
  // A save that never reached us (the connection dropped mid-way): say so kindly; the words are kept
  // on the device (components/draft-keeper.tsx) and come back when the page is opened again.
  if (isNetworkFailure(error)) {
    return (
      <div className="page">
        <h1>{t('drafts.offlineTitle')}</h1>
        <p className="draft-alert" role="alert">
          {t('drafts.offline')}
        </p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('drafts.backToText')}
          </button>
        </p>
      </div>
    )
  }
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, text] =
    status === 404
      ? [t('common.notFoundTitle'), t('common.notFoundText')]
      : status === 403
        ? [t('common.forbiddenTitle'), t('common.forbiddenText')]
        : [t('common.errorTitle'), t('common.errorText')]
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/" className="button">
          {t('common.home')}
        </Link>
      </p>
    </div>
  )
}
