import type { Catalogue } from '../translate'

// "Who looked at my data": the kinds of entries in the log.
export const accessLogEn: Catalogue['accessLog'] = {
  exported: 'You downloaded all your data',
  accountEnded: '{name} ended your account, because your care has ended',
  accountTried: '{name} wanted to download all your data or delete your account. Only you may do that, so it did not work',
  aiModel: 'Your answer went to the AI help, without names',
  aiModelWith: 'You worked together with {name}. Your answer went to the AI help, without names',
  notifications: '{name} read a message about you',
  peopleList: '{name} saw your name in the list of clients',
  clientWorkers: '{name} looked at who your workers are',
  workerLinked: '{name} linked a worker to you',
  workerUnlinked: '{name} unlinked a worker from you',
  resetCreated: '{name} made a new sign-in code for you',
  resetApproved: '{name} approved a new sign-in code for you',
  resetUsed: 'Someone signed in with a new sign-in code',
  logRead: 'You looked at this log',
  // What someone looked at, for the parts not in "Who may see what".
  scopes: {
    trajectory: 'My trajectory',
    capacity: 'what your worker wrote about what you can carry',
    evaluation: 'Looking back together',
    team_meeting: 'the meeting with the team',
    assistant: 'Discover together with the assistant',
    notifications: 'your notifications',
    account: 'your account',
    organisation: 'your details at the organisation',
    consents: 'Who may see what',
    access_log: 'Who looked at my data',
    other: 'something of yours',
  },
}
