import { asc, desc, eq, inArray } from 'drizzle-orm'
import {
  accessLog,
  aiDisclosures,
  aiHelpChanges,
  apiTokens,
  capacityAssessments,
  careSessionAttendees,
  careSessionNotes,
  careSessions,
  clientSettings,
  clientWorkers,
  commentReads,
  commentReplies,
  comments,
  consents,
  conversationProposals,
  conversations,
  evaluationAnswers,
  evaluations,
  goalActions,
  goalRemarks,
  goals,
  inventories,
  inventoryRevisions,
  invitations,
  messageReads,
  messages,
  networkComments,
  networkPeople,
  networkPersonRevisions,
  notifications,
  organisations,
  resources,
  reviews,
  safetyEvents,
  safetyPlans,
  bridgePlacements,
  moneyPages,
  sessions,
  signatures,
  statementRevisions,
  statements,
  teamMeetings,
  trajectories,
  trajectoryPhases,
  users,
} from '@kracht/db'
import type { Deps } from '../../lib/env'
import { clientTables } from './coverage'

/** Rows of one client, grouped by a key, in the order read. */
function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const row of rows) {
    const k = key(row)
    groups.set(k, [...(groups.get(k) ?? []), row])
  }
  return groups
}

/** Drops the client id from every row: the whole file is about one person. */
function own<T extends { clientId?: unknown }>(rows: T[]): Omit<T, 'clientId'>[] {
  return rows.map(({ clientId: _clientId, ...rest }) => rest)
}

/** What every part of the file is, in the client's language (plain words; the keys stay English). */
const about = {
  nl: {
    profile: 'Je account: je naam, je gebruikersnaam en je taal.',
    inventory: 'Je krachten: al je zinnen per leefgebied, ook de zinnen die je hebt weggehaald, met elke versie. Je prioriteiten en opmerkingen, met hun geschiedenis.',
    comments: 'Opmerkingen en voorstellen van je begeleider op je zinnen en doelen, de ideeën van het team, en jouw antwoorden.',
    actionPlan: 'Je actieplan: je doelen, de stappen, je opmerkingen over hoe het gaat.',
    network: 'Je netwerkkaart: de mensen die belangrijk voor je zijn, hoe de kaart vroeger was, en je hulpbronnen.',
    safetyPlan: 'Je signaleringsplan.',
    livelihood: 'Je brug: waar je stond op elke pijler, elke keer. En je geldpagina.',
    assistant: 'Je gesprekken met de hulp (Samen ontdekken), de kaartjes die je hebt bewaard of weggelegd, en wat er naar de AI-hulp ging (nooit je tekst, alleen hoeveel namen en nummers werden vervangen).',
    consents: 'Met wie je deelde, wat en hoe lang. Ook wat je hebt gestopt.',
    messages: 'Je berichten.',
    sessions: 'Je bijeenkomsten en wat je erover schreef.',
    trajectory: 'Je traject: de fases, de evaluaties en de teambespreking. Ook wat je begeleider over je draagkracht schreef.',
    accessLog: 'Wie je gegevens heeft bekeken, wanneer en waarom.',
    people: 'De namen bij de nummers in dit bestand (je begeleiders en andere medewerkers).',
  },
  en: {
    profile: 'Your account: your name, your username and your language.',
    inventory: 'Your strengths: all your sentences per life domain, also those you removed, with every version. Your priorities and remarks, with their history.',
    comments: "Your worker's comments and suggestions on your sentences and goals, the team's ideas, and your answers.",
    actionPlan: 'Your action plan: your goals, the steps, your remarks on how it goes.',
    network: 'Your network map: the people who matter to you, how the map looked before, and your resources.',
    safetyPlan: 'Your safety plan.',
    livelihood: 'Your bridge: where you stood on each pillar, every time. And your money page.',
    assistant: 'Your conversations with the assistant, the cards you kept or put aside, and what went to the AI help (never your text, only how many names and numbers were replaced).',
    consents: 'Who you shared with, what and for how long. Also what you stopped.',
    messages: 'Your messages.',
    sessions: 'Your sessions and what you wrote about them.',
    trajectory: 'Your trajectory: the phases, the evaluations and the team meeting. Also what your worker wrote about your capacity.',
    accessLog: 'Who looked at your data, when and why.',
    people: 'The names behind the ids in this file (your workers and other staff).',
  },
} as const

/**
 * Everything Kracht keeps about one client, as readable JSON (GDPR art. 15 and 20): every table in
 * `clientTables` has its place here (coverage.test.ts checks it). Called only after the gate let
 * the client themself in; nobody else ever gets this.
 */
export async function exportClientData(deps: Deps, clientId: string) {
  const db = deps.db
  const [profileRow] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.displayName,
      locale: users.locale,
      role: users.role,
      createdAt: users.createdAt,
      passphraseChangedAt: users.passwordChangedAt,
      organisation: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, clientId))
  if (!profileRow) throw new Error('exportClientData: no such client')

  const [
    statementRows,
    statementRevisionRows,
    inventoryRows,
    inventoryRevisionRows,
    commentRows,
    replyRows,
    readRows,
    reviewRows,
    signatureRows,
    goalRows,
    actionRows,
    remarkRows,
    personRows,
    personRevisionRows,
    networkCommentRows,
    resourceRows,
    safetyPlanRows,
    placementRows,
    moneyRows,
    conversationRows,
    proposalRows,
    settingsRows,
    safetyEventRows,
    disclosureRows,
    aiChangeRows,
    consentRows,
    logRows,
    notificationRows,
    messageRows,
    messageReadRows,
    attendance,
    noteRows,
    trajectoryRows,
    capacityRows,
    evaluationRows,
    teamMeetingRows,
    workerRows,
    sessionRows,
    tokenRows,
    resetRows,
  ] = await Promise.all([
    db.select().from(statements).where(eq(statements.clientId, clientId)).orderBy(asc(statements.createdAt)),
    db.select().from(statementRevisions).where(eq(statementRevisions.clientId, clientId)).orderBy(asc(statementRevisions.changedAt)),
    db.select().from(inventories).where(eq(inventories.clientId, clientId)),
    db.select().from(inventoryRevisions).where(eq(inventoryRevisions.clientId, clientId)).orderBy(asc(inventoryRevisions.changedAt)),
    db.select().from(comments).where(eq(comments.clientId, clientId)).orderBy(asc(comments.createdAt)),
    db.select().from(commentReplies).where(eq(commentReplies.clientId, clientId)).orderBy(asc(commentReplies.createdAt)),
    db.select().from(commentReads).where(eq(commentReads.readerId, clientId)),
    db.select().from(reviews).where(eq(reviews.clientId, clientId)).orderBy(asc(reviews.reviewedAt)),
    db.select().from(signatures).where(eq(signatures.clientId, clientId)).orderBy(asc(signatures.signedAt)),
    db.select().from(goals).where(eq(goals.clientId, clientId)).orderBy(asc(goals.createdAt)),
    db.select().from(goalActions).where(eq(goalActions.clientId, clientId)).orderBy(asc(goalActions.createdAt)),
    db.select().from(goalRemarks).where(eq(goalRemarks.clientId, clientId)).orderBy(asc(goalRemarks.createdAt)),
    db.select().from(networkPeople).where(eq(networkPeople.clientId, clientId)).orderBy(asc(networkPeople.createdAt)),
    db.select().from(networkPersonRevisions).where(eq(networkPersonRevisions.clientId, clientId)).orderBy(asc(networkPersonRevisions.changedAt)),
    db.select().from(networkComments).where(eq(networkComments.clientId, clientId)).orderBy(asc(networkComments.createdAt)),
    db.select().from(resources).where(eq(resources.clientId, clientId)).orderBy(asc(resources.createdAt)),
    db.select().from(safetyPlans).where(eq(safetyPlans.clientId, clientId)),
    db.select().from(bridgePlacements).where(eq(bridgePlacements.clientId, clientId)).orderBy(asc(bridgePlacements.placedAt)),
    db.select().from(moneyPages).where(eq(moneyPages.clientId, clientId)),
    db.select().from(conversations).where(eq(conversations.clientId, clientId)).orderBy(asc(conversations.createdAt)),
    db.select().from(conversationProposals).where(eq(conversationProposals.clientId, clientId)).orderBy(asc(conversationProposals.createdAt)),
    db.select().from(clientSettings).where(eq(clientSettings.clientId, clientId)),
    db.select().from(safetyEvents).where(eq(safetyEvents.clientId, clientId)).orderBy(asc(safetyEvents.createdAt)),
    db.select().from(aiDisclosures).where(eq(aiDisclosures.clientId, clientId)).orderBy(asc(aiDisclosures.at)),
    db.select().from(aiHelpChanges).where(eq(aiHelpChanges.clientId, clientId)).orderBy(asc(aiHelpChanges.at)),
    db.select().from(consents).where(eq(consents.clientId, clientId)).orderBy(asc(consents.createdAt)),
    db.select().from(accessLog).where(eq(accessLog.clientId, clientId)).orderBy(desc(accessLog.seq)),
    db.select().from(notifications).where(eq(notifications.clientId, clientId)).orderBy(asc(notifications.createdAt)),
    db.select().from(messages).where(eq(messages.clientId, clientId)).orderBy(asc(messages.createdAt)),
    db.select().from(messageReads).where(eq(messageReads.clientId, clientId)),
    db
      .select({ session: careSessions })
      .from(careSessionAttendees)
      .innerJoin(careSessions, eq(careSessions.id, careSessionAttendees.sessionId))
      .where(eq(careSessionAttendees.clientId, clientId))
      .orderBy(asc(careSessions.startsAt)),
    db.select().from(careSessionNotes).where(eq(careSessionNotes.clientId, clientId)),
    db.select().from(trajectories).where(eq(trajectories.clientId, clientId)),
    db.select().from(capacityAssessments).where(eq(capacityAssessments.clientId, clientId)).orderBy(asc(capacityAssessments.createdAt)),
    db.select().from(evaluations).where(eq(evaluations.clientId, clientId)).orderBy(asc(evaluations.createdAt)),
    db.select().from(teamMeetings).where(eq(teamMeetings.clientId, clientId)).orderBy(asc(teamMeetings.meetingAt)),
    db.select().from(clientWorkers).where(eq(clientWorkers.clientId, clientId)),
    db.select().from(sessions).where(eq(sessions.userId, clientId)).orderBy(asc(sessions.createdAt)),
    db.select().from(apiTokens).where(eq(apiTokens.userId, clientId)),
    db.select().from(invitations).where(eq(invitations.userId, clientId)).orderBy(asc(invitations.createdAt)),
  ])

  const trajectoryIds = trajectoryRows.map((row) => row.id)
  const evaluationIds = evaluationRows.map((row) => row.id)
  const [phaseRows, answerRows] = await Promise.all([
    trajectoryIds.length ? db.select().from(trajectoryPhases).where(inArray(trajectoryPhases.trajectoryId, trajectoryIds)).orderBy(asc(trajectoryPhases.startedAt)) : [],
    evaluationIds.length ? db.select().from(evaluationAnswers).where(inArray(evaluationAnswers.evaluationId, evaluationIds)) : [],
  ])

  const revisionsOf = groupBy(statementRevisionRows, (row) => row.statementId)
  const repliesOf = groupBy(replyRows, (row) => row.commentId)
  const readOf = new Map(readRows.map((row) => [row.commentId, row.readAt]))
  const actionsOf = groupBy(actionRows, (row) => row.goalId)
  const remarksOf = groupBy(remarkRows, (row) => row.goalId)
  const personHistory = groupBy(personRevisionRows, (row) => row.personId)
  const cardsOf = groupBy(proposalRows, (row) => row.conversationId)
  const answersOf = groupBy(answerRows, (row) => row.evaluationId)
  const noteOf = new Map(noteRows.map((row) => [row.sessionId, row]))
  const inventory = inventoryRows[0]
  const settings = settingsRows[0]
  const safetyPlan = safetyPlanRows[0]
  const trajectory = trajectoryRows[0]

  // The names behind every staff id in the file: the file should read without Kracht beside it.
  // Only staff of the client's organisation and the client: never another client's name.
  const mentioned = new Set<string>()
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner === 'string' && /(Id|By|^actorId|^onBehalfOf)$/.test(key) && /^[0-9a-f-]{36}$/i.test(inner)) mentioned.add(inner)
        else if (key === 'memberIds' && Array.isArray(inner)) inner.forEach((id) => typeof id === 'string' && mentioned.add(id))
        else collect(inner)
      }
    }
  }

  const file = {
    about: about[profileRow.locale],
    exportedAt: deps.now().toISOString(),
    profile: profileRow,
    workers: own(workerRows),
    inventory: {
      statements: statementRows.map(({ clientId: _c, ...row }) => ({ ...row, history: own(revisionsOf.get(row.id) ?? []) })),
      priorities: inventory?.priorities ?? [],
      remarks: inventory?.remarks ?? '',
      updatedAt: inventory?.updatedAt ?? null,
      history: own(inventoryRevisionRows),
    },
    comments: commentRows.map(({ clientId: _c, ...row }) => ({ ...row, readAt: readOf.get(row.id) ?? null, replies: own(repliesOf.get(row.id) ?? []) })),
    reviews: own(reviewRows),
    signatures: own(signatureRows),
    actionPlan: {
      goals: goalRows.map(({ clientId: _c, ...goal }) => ({
        ...goal,
        actions: own(actionsOf.get(goal.id) ?? []),
        remarks: own(remarksOf.get(goal.id) ?? []),
      })),
      actionsWithoutGoal: own(actionsOf.get(null) ?? []),
    },
    network: {
      people: personRows.map(({ clientId: _c, ...person }) => ({ ...person, history: own(personHistory.get(person.id) ?? []) })),
      resources: own(resourceRows),
      comments: own(networkCommentRows),
    },
    safetyPlan: safetyPlan ? own([safetyPlan])[0] : null,
    livelihood: { bridge: own(placementRows), money: moneyRows[0] ? own(moneyRows)[0] : null },
    assistant: {
      conversations: conversationRows.map(({ clientId: _c, lastAi: _ai, ...conversation }) => ({
        ...conversation,
        cards: own(cardsOf.get(conversation.id) ?? []),
      })),
      aiHelp: { enabledAt: settings?.aiHelpEnabledAt ?? null },
      safetyEvents: own(safetyEventRows),
      aiRecord: { calls: own(disclosureRows), switches: own(aiChangeRows) },
    },
    consents: own(consentRows).map((consent) => ({
      ...consent,
      active: consent.revokedAt === null && (consent.endsAt === null || consent.endsAt > deps.now()),
    })),
    messages: own(messageRows),
    messagesReadUpTo: messageReadRows.filter((row) => row.readerId === clientId).map((row) => row.readUpTo)[0] ?? null,
    sessions: attendance.map(({ session }) => {
      const note = noteOf.get(session.id)
      return {
        id: session.id,
        title: session.title,
        kind: session.kind,
        place: session.place,
        agenda: session.agenda,
        startsAt: session.startsAt,
        cancelledAt: session.cancelledAt,
        workerId: session.workerId,
        peerId: session.peerId,
        myNote: note ? { text: note.text, createdAt: note.createdAt, updatedAt: note.updatedAt } : null,
      }
    }),
    trajectory: {
      current: trajectory ? { ...own([trajectory])[0], phases: phaseRows.map(({ trajectoryId: _t, ...phase }) => phase) } : null,
      capacityAssessments: own(capacityRows),
      evaluations: evaluationRows.map(({ clientId: _c, ...evaluation }) => ({ ...evaluation, answers: answersOf.get(evaluation.id) ?? [] })),
      teamMeetings: own(teamMeetingRows),
    },
    notificationsAboutYou: notificationRows.map(({ clientId: _c, data: _data, ...row }) => row),
    // The access log as kept: who, when, what, outcome, on what basis; `viaId` is a key's id, not a secret.
    accessLog: logRows.map(({ clientId: _c, prevHash: _p, hash: _h, ...row }) => row),
    account: {
      // When you signed in and until when each sign-in lasts (no session keys).
      signIns: sessionRows.map((row) => ({ createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt })),
      apiTokens: tokenRows.map((row) => ({ name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: row.createdAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt })),
      accessResets: resetRows.map((row) => ({ createdAt: row.createdAt, byId: row.invitedById, approvedById: row.approvedById, acceptedAt: row.acceptedAt, withdrawnAt: row.withdrawnAt })),
    },
    people: [] as { id: string; name: string; role: string }[],
    /** Which stored table each part comes from (for a reader who wants to check completeness). */
    tables: Object.fromEntries(Object.entries(clientTables).map(([name, rule]) => [name, rule.section])),
  }
  collect(file)
  mentioned.delete(clientId)
  if (mentioned.size > 0) {
    const staff = await db
      .select({ id: users.id, name: users.displayName, role: users.role, organisationId: users.organisationId })
      .from(users)
      .where(inArray(users.id, [...mentioned]))
    const organisationId = (await db.select({ id: users.organisationId }).from(users).where(eq(users.id, clientId)))[0]?.id
    file.people = staff.filter((p) => p.role !== 'client' && p.organisationId === organisationId).map(({ organisationId: _o, ...p }) => p)
  }
  return file
}

export type ClientExport = Awaited<ReturnType<typeof exportClientData>>
