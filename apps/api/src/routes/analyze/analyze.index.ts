import { analyze } from '@kracht/language'
import { createRouter } from '../../lib/router'
import { requireUser } from '../../lib/guards'
import { screenText } from '../../services/safety-screen'
import * as routes from './analyze.routes'

export const analyzeRouter = createRouter().openapi(routes.analyze, (c) => {
  requireUser(c)
  const { text, locale } = c.req.valid('json')
  return c.json({ ...analyze(text, { locale }), safety: screenText(text, locale) }, 200)
})
