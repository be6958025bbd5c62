// The region the handover tests over HTTP start from (handovers.int.test.ts, handovers.triage.int.test.ts):
// Veilig Thuis (a coordinator and a team lead), a municipal team (a coordinator, a professional and
// a team lead), a GP practice with a GP, and another municipal team with its one lead, for useRegionApp.
export const handoverRegion = {
  orgs: {
    vt: ['veilig_thuis', 'Veilig Thuis Zeeland'],
    team: ['municipal_team', 'Team Jeugd Vlissingen'],
    gp: ['gp_practice', 'Huisarts Dok'],
    other: ['municipal_team', 'Sociaal Team Veere'],
  },
  users: {
    vtCoord: ['vt', ['professional', 'coordinator']],
    vtLead: ['vt', ['professional', 'team_lead']],
    teamCoord: ['team', ['professional', 'coordinator']],
    teamPro: ['team', ['professional']],
    teamLead: ['team', ['professional', 'team_lead']],
    gpUser: ['gp', ['professional']],
    outsider: ['other', ['professional', 'coordinator', 'team_lead']],
  },
} as const;
