// Home: the entry links, in the chosen language.
import { initPage } from '../lib/page';

initPage();
