import type { TicketSummary } from '../../../shared/protocol';

export const csatScores = [1, 2, 3, 4, 5] as const;
export type CsatScore = (typeof csatScores)[number];

export interface CsatComment {
  ticketId: number;
  number: number;
  customer: string;
  agent: string | null;
  score: number;
  comment: string;
  at: number;
}

export interface AgentCsat {
  agentId: number;
  name: string;
  rated: number;
  average: number;
}

export interface CsatSummary {
  /** Resolved conversations looked at. */
  resolved: number;
  /** Of those, how many the customer rated. */
  rated: number;
  /** Mean score of the rated ones; null when none is. */
  average: number | null;
  /** How many gave each score, 1 to 5. */
  distribution: Record<CsatScore, number>;
  /** Ratings with a comment, newest first. */
  comments: CsatComment[];
  /** Per agent who resolved a rated conversation, by name. */
  byAgent: AgentCsat[];
}

function isScore(value: number): value is CsatScore {
  return (csatScores as readonly number[]).includes(value);
}

/**
 * What customers said about the conversations given (the supervisor view
 * reads the latest resolved ones): the average, how many gave each score,
 * the newest comments, and the same per agent. Pure: the same list gives
 * the same summary.
 */
export function summariseCsat(tickets: readonly TicketSummary[], maxComments = 10): CsatSummary {
  const distribution: Record<CsatScore, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const comments: CsatComment[] = [];
  const agents = new Map<number, { name: string; rated: number; total: number }>();
  let rated = 0;
  let total = 0;
  for (const ticket of tickets) {
    const csat = ticket.csat;
    if (!csat || !isScore(csat.score)) continue;
    rated += 1;
    total += csat.score;
    distribution[csat.score] += 1;
    const comment = csat.comment?.trim() ?? '';
    if (comment !== '') {
      comments.push({
        ticketId: ticket.id,
        number: ticket.number,
        customer: ticket.customer.name,
        agent: ticket.assignee?.displayName ?? null,
        score: csat.score,
        comment,
        at: csat.at,
      });
    }
    if (ticket.assignee) {
      const agent = agents.get(ticket.assignee.id) ?? {
        name: ticket.assignee.displayName,
        rated: 0,
        total: 0,
      };
      agent.rated += 1;
      agent.total += csat.score;
      agents.set(ticket.assignee.id, agent);
    }
  }
  comments.sort((a, b) => b.at - a.at || b.ticketId - a.ticketId);
  const byAgent = [...agents]
    .map(([agentId, a]) => ({ agentId, name: a.name, rated: a.rated, average: a.total / a.rated }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.agentId - b.agentId);
  return {
    resolved: tickets.length,
    rated,
    average: rated === 0 ? null : total / rated,
    distribution,
    comments: comments.slice(0, maxComments),
    byAgent,
  };
}
