// /signin (`?return=/board%3Fscope%3D…`): the staff sign-in form on its own. Someone already
// signed in in this tab goes straight on to where they were going.
import { currentSession } from '../lib/auth';
import { byId } from '../lib/dom';
import { initPage } from '../lib/page';
import { destinationOf, renderSignIn } from '../lib/signin';

const from = new URLSearchParams(window.location.search).get('return');
const { session, problem } = currentSession();
if (session) {
  void destinationOf(session, from).then((path) => window.location.replace(path));
} else {
  initPage();
  renderSignIn(byId('signin'), { notice: problem, from });
}
