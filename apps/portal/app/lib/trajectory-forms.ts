import { z } from 'zod'
import { capacityBalances, evaluationItems, teamMeetingSteps, trajectoryModels } from '@kracht/trajectory'
import { choiceField, idField, localDateTimeField, optionalLine, optionalText, requiredText, versionField, versionOrNewField } from '../forms/fields'
import { SignForm } from './review-forms'

// The trajectory's forms (looking back together, the team strengths meeting): one schema each, run
// in the browser and by the action. The API checks the same again.

/** One answer in an evaluation, on the version shown (0 while this side has not answered yet). */
export const EvaluationAnswerForm = z.object({
  intent: z.literal('answer'),
  item: choiceField(evaluationItems),
  version: versionOrNewField,
  text: requiredText(2000),
})

/** An evaluation page posts an answer or a signature (on the hash of the answers shown). */
export const EvaluationForms = z.discriminatedUnion('intent', [EvaluationAnswerForm, SignForm])

/** The client's own question to the team, on the meeting's version. */
export const MeetingQuestionForm = z.object({ intent: z.literal('question'), version: versionField, question: requiredText(1000) })

/** The client takes up or leaves one of the team's ideas (the buttons are the decision). */
const IdeaDecisionForm = z.object({ intent: z.literal('decide'), ideaId: idField, decision: choiceField(['accept', 'decline']) })

export const ClientMeetingForms = z.discriminatedUnion('intent', [MeetingQuestionForm, IdeaDecisionForm])

/** The worker's notes, one text box per step of the meeting (`notes.<step>`); an empty box is an empty note. */
export const MeetingNotesForm = z.object({
  intent: z.literal('notes'),
  version: versionField,
  notes: z
    .partialRecord(z.enum(teamMeetingSteps), optionalText(2000))
    .default({})
    .transform((notes) => Object.fromEntries(teamMeetingSteps.map((step) => [step, notes[step] ?? '']))),
})

/** One idea of the team, which waits for the client as a suggestion. */
export const MeetingIdeaForm = z.object({ intent: z.literal('idea'), idea: requiredText(1000) })

export const WorkerMeetingForms = z.discriminatedUnion('intent', [MeetingNotesForm, MeetingIdeaForm])

/** The worker starts the client's trajectory in one of the models. */
export const StartTrajectoryForm = z.object({ intent: z.literal('start'), model: choiceField(trajectoryModels) })

/** "Next phase", from the phase shown (so a second click does not skip one). */
const NextPhaseForm = z.object({ intent: z.literal('next'), from: optionalLine(40) })

const StartEvaluationForm = z.object({ intent: z.literal('evaluate') })

/** Preparing a team meeting at a moment in Dutch time (the action turns it into an instant). */
export const PrepareMeetingForm = z.object({ intent: z.literal('prepare'), meetingAt: localDateTimeField })

/** The worker's assessment of capacity and load: what carries, what weighs, and which way it leans. */
export const CapacityForm = z.object({
  intent: z.literal('capacity'),
  capacity: requiredText(2000),
  load: requiredText(2000),
  risks: optionalText(2000).transform((text) => text ?? ''),
  safety: optionalText(2000).transform((text) => text ?? ''),
  balance: choiceField(capacityBalances),
})

export const WorkerTrajectoryForms = z.discriminatedUnion('intent', [StartTrajectoryForm, NextPhaseForm, StartEvaluationForm, PrepareMeetingForm, CapacityForm])
