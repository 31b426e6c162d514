import { describe, expect, it } from 'vitest'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { errorsOf, form } from '../forms/test-support'
import { planDefaults, planLines, SafetyPlanForm } from './safety-plan-forms'
import { emptyPlanLines } from './safety-plan'

describe('the safety plan form', () => {
  it('reads each part\'s lines without empty ones, and adds a ticked VIP name to the people once', () => {
    const submission = parseSubmission(
      form([['version', '2'], ['people[0]', ' Mijn zus '], ['people[1]', ''], ['reasons[0]', 'Mijn hond'], ['pickPeople', 'Mijn zus'], ['pickPeople', 'Robin']]),
      SafetyPlanForm,
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(planLines(submission.value).lines).toEqual({ ...emptyPlanLines(), people: ['Mijn zus', 'Robin'], reasons: ['Mijn hond'] })
  })

  it('names script and a 10 kB line beside the line, keeping what was typed', () => {
    const long = 'a'.repeat(10_000)
    const result = reply(parseSubmission(form([['version', '1'], ['reasons[0]', '<script>alert(1)</script>'], ['places[0]', long]]), SafetyPlanForm))
    expect(errorsOf(result)).toEqual({ 'reasons[0]': 'no_markup', 'places[0]': 'too_long' })
    expect(result.initialValue).toMatchObject({ reasons: ['<script>alert(1)</script>'], places: [long] })
  })

  it('removes a refused line without checking it, and puts the API\'s problem beside the line it is about', async () => {
    const submission = parseSubmission(form([['version', '1'], ['intent', 'remove:reasons:0'], ['reasons[0]', '<b>'], ['reasons[1]', ''], ['reasons[2]', 'Mijn hond']]), SafetyPlanForm)
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    const { lines, rename } = planLines(submission.value)
    expect(lines.reasons).toEqual(['Mijn hond'])
    const problem = new Response(JSON.stringify({ code: 'validation_failed', message: '', fields: { 'reasons.0': 'invalid_characters' } }), { status: 400 })
    expect(errorsOf(await replyWithProblem(submission, problem, { rename }))).toEqual({ 'reasons[2]': 'invalid_characters' })
  })

  it('refuses more lines than a part holds, and a changed button', () => {
    const many = Array.from({ length: 13 }, (_, index): [string, string] => [`selfHelp[${index}]`, `Regel ${index}`])
    expect(errorsOf(reply(parseSubmission(form([['version', '1'], ...many]), SafetyPlanForm)))).toEqual({ selfHelp: 'too_many_lines' })
    expect(errorsOf(reply(parseSubmission(form([['version', '1'], ['intent', 'add:diary']]), SafetyPlanForm)))).toEqual({ intent: 'invalid' })
  })

  it('shows the saved plan with an empty line per part, two after "another line"', () => {
    const defaults = planDefaults({ ...emptyPlanLines(), people: ['Mijn zus'] }, 'people')
    expect(defaults.people).toEqual(['Mijn zus', '', ''])
    expect(defaults.places).toEqual([''])
  })
})
