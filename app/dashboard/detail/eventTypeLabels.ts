export { eventTypeLabel, eventTypeNoun } from '@/lib/events/eventTypeLabels';
