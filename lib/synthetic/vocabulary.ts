import { type EventType } from '../events/eventTypes';

/** Fictional actors and places: synthetic stories must never read as facts about real people or towns. */
export const SYNTHETIC_ACTORS = [
  { name: 'Marta Ilves', role: 'President of Norland' },
  { name: 'Oskar Brenn', role: 'Prime minister of Estmark' },
  { name: 'Lena Kovar', role: 'Foreign minister of Norland' },
  { name: 'Tomas Reuel', role: 'Defence minister of Estmark' },
  { name: 'Ida Sorensk', role: 'Envoy of the Coastal League' },
  { name: 'Norland armed forces', role: 'Armed forces of Norland' },
  { name: 'Estmark armed forces', role: 'Armed forces of Estmark' },
  { name: 'Estmark regional officials', role: 'Local officials' },
  { name: 'Coastal League', role: 'Regional alliance' },
  { name: 'Independent monitors', role: 'Observer mission' },
  { name: 'Paul Vandre', role: 'Analyst, Institute for Border Studies' },
  { name: 'Anja Wert', role: 'Newspaper editor in Kalvik' },
] as const;

export const SYNTHETIC_PLACES = [
  { name: 'Kalvik', lat: 58.12, lon: 24.51 },
  { name: 'Oderholm', lat: 57.43, lon: 26.02 },
  { name: 'Varnes', lat: 56.88, lon: 23.77 },
  { name: 'Liepstad', lat: 57.95, lon: 27.14 },
  { name: 'Marrow Bay', lat: 58.61, lon: 23.02 },
  { name: 'Tessin', lat: 56.41, lon: 25.66 },
  { name: 'Brovik', lat: 57.02, lon: 28.03 },
  { name: 'Helm Pass', lat: 58.33, lon: 26.88 },
] as const;

export const TYPE_WEIGHTS: Readonly<Record<EventType, number>> = {
  strike: 30,
  statement: 28,
  claim: 14,
  meeting: 12,
  proposal: 6,
  background: 10,
};

export const PHRASES: Readonly<Record<EventType, readonly string[]>> = {
  strike: ['launched a drone attack on', 'shelled the outskirts of', 'struck a rail depot near', 'fired missiles at'],
  statement: ['said talks could resume over', 'condemned the fighting around', 'warned against escalation near', 'praised the mediators in'],
  claim: ['claimed control of the roads around', 'claimed the attack on', 'said enemy units had withdrawn from', 'claimed progress near'],
  meeting: ['met envoys in', 'held talks with the mediators in', 'hosted a security meeting in', 'met local leaders in'],
  proposal: ['proposed a ceasefire line through', 'put forward a prisoner exchange at', 'offered to reopen the crossing at', 'proposed monitors for'],
  background: ['recalled the founding treaty signed in', 'noted the old border dispute over', 'referred to the earlier accord on', 'recalled the evacuation of'],
};
