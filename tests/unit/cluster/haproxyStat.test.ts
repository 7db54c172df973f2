import { describe, expect, it } from 'vitest';
import { serverStatesFromStat } from '@/scripts/lib/localServices/haproxyServer';

const showStat = [
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight',
  'sitrep,FRONTEND,,,0,1,8000,1,0,0,0,0,0,,,,,OPEN,',
  'sitrep_nodes,node1,0,0,0,1,,1,0,0,,0,,0,0,0,0,UP,1',
  'sitrep_nodes,node2,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,1',
  'sitrep_nodes,node3,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP 1/2,1',
  'sitrep_nodes,BACKEND,0,0,0,1,800,1,0,0,0,0,,0,0,0,0,UP,2',
  '',
].join('\n');

describe('serverStatesFromStat', () => {
  it('reads the servers of the backend from show stat, without the frontend and backend summaries', () => {
    expect(serverStatesFromStat(showStat)).toEqual([
      { name: 'node1', status: 'UP' },
      { name: 'node2', status: 'DOWN' },
      { name: 'node3', status: 'UP 1/2' },
    ]);
  });

  it('finds nothing in another backend or in an empty answer', () => {
    expect(serverStatesFromStat(showStat, 'other')).toEqual([]);
    expect(serverStatesFromStat('')).toEqual([]);
  });
});
