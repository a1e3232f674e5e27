import core from "./core.json";
import compose from "./compose.json";
import history from "./history.json";
import sandbox from "./sandbox.json";
import announcements from "./announcements.json";
import scheduled from "./scheduled.json";
import bulk from "./bulk.json";

/** Every catalog file of this language; a feature adds its own file and one line here. */
const messages = { ...core, ...sandbox, ...compose, ...history, ...announcements, ...scheduled, ...bulk };

export default messages;
