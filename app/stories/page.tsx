import { StoriesPage } from './StoriesPage';

export default function Stories() {
  return <StoriesPage />;
}
