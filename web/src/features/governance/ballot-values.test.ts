import { describe, expect, it } from 'vitest';
import { ballotOf, choiceNames, emptyBallot, moveInRanking, rankingOrder, type BallotMotion } from './ballot-values';

const candidates = [{ id: 'a', name: '青木 一' }, { id: 'b', name: '馬場 二' }, { id: 'c', name: '千葉 三' }];
const resolution: BallotMotion = { kind: 'ordinary', electionMethod: null, candidates: [] };
const approval: BallotMotion = { kind: 'election', electionMethod: 'approval', candidates };
const stv: BallotMotion = { kind: 'election', electionMethod: 'stv_scottish', candidates };

describe('ballots', () => {
  it('needs one of for, against or abstain on a resolution', () => {
    expect(ballotOf(resolution, emptyBallot())).toEqual({ problem: 'no_choice' });
    expect(ballotOf(resolution, { ...emptyBallot(), choice: 'against' })).toEqual({ choice: 'against' });
  });

  it('takes the approved candidates, none being a blank ballot', () => {
    expect(ballotOf(approval, { ...emptyBallot(), approved: ['c', 'a', 'x'] })).toEqual({ choice: ['c', 'a'] });
    expect(ballotOf(approval, emptyBallot())).toEqual({ choice: [] });
  });

  it('turns ranks into a ranking, refusing repeats and gaps', () => {
    expect(ballotOf(stv, { ...emptyBallot(), ranks: { a: '2', b: '', c: '1' } })).toEqual({ choice: ['c', 'a'] });
    expect(ballotOf(stv, emptyBallot())).toEqual({ problem: 'rank_required' });
    expect(ballotOf(stv, { ...emptyBallot(), ranks: { a: '1', b: '1' } })).toEqual({ problem: 'rank_duplicate' });
    expect(ballotOf(stv, { ...emptyBallot(), ranks: { a: '1', b: '3' } })).toEqual({ problem: 'rank_gap' });
    expect(ballotOf(stv, { ...emptyBallot(), ranks: { a: '4' } })).toEqual({ problem: 'rank_out_of_range' });
  });

  it('moves candidates up and down the ranking with buttons', () => {
    let ranks = moveInRanking(stv, {}, 'b', -1);
    expect(ranks).toEqual({ a: '', b: '1', c: '' });
    ranks = moveInRanking(stv, ranks, 'c', -1);
    expect(rankingOrder(stv, ranks)).toEqual(['b', 'c']);
    ranks = moveInRanking(stv, ranks, 'c', -1);
    expect(rankingOrder(stv, ranks)).toEqual(['c', 'b']);
    // Down from the last place leaves the ranking.
    ranks = moveInRanking(stv, ranks, 'b', 1);
    expect(ranks).toEqual({ a: '', b: '', c: '1' });
    expect(moveInRanking(stv, ranks, 'c', -1)).toBe(ranks);
  });

  it('names the candidates of a checked receipt', () => {
    expect(choiceNames('["c","a"]', candidates)).toEqual(['千葉 三', '青木 一']);
    expect(choiceNames('for', candidates)).toBeNull();
  });
});
