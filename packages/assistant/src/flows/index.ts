import type { FlowId } from '../types'
import { goalFlow } from './goal'
import { miracleFlow } from './miracle'
import { strengthsFlow } from './strengths'
import type { Flow } from './types'
import { vipFlow } from './vip'

export const flows: Record<FlowId, Flow> = {
  miracle: miracleFlow,
  strengths: strengthsFlow,
  vip: vipFlow,
  goal: goalFlow,
}

export type { Flow, FlowEnv, ParsedAnswer, StepSpec } from './types'
