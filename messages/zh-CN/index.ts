import core from "./core.json";

/** Every catalog file of this language; a feature adds its own file and one line here. */
const messages = { ...core };

export default messages;
