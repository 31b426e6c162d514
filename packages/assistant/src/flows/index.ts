import type { FlowId } from '../types'
import { goalFlow } from './goal'
import { miracleFlow } from './miracle'
import { safetyPlanFlow } from './safety-plan'
import { strengthsFlow } from './strengths'
import type { Flow } from './types'
import { vipFlow } from './vip'

export const flows: Record<FlowId, Flow> = {
  miracle: miracleFlow,
  strengths: strengthsFlow,
  vip: vipFlow,
  goal: goalFlow,
  safety_plan: safetyPlanFlow,
}

export type { Flow, FlowEnv, ParsedAnswer, StepSpec } from './types'
