import { StoriesPage } from './stories/StoriesPage';

export default function Home() {
  return <StoriesPage />;
}
