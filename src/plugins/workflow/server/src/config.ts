export default {
  default: {
    /** Process definitions (*.json), relative to the app root; loaded at every start. */
    definitionsDir: 'src/workflows/definitions',
    /** Rules (*.json) added when missing; afterwards administrators edit them in the panel. */
    rulesDir: 'src/workflows/rules',
    /** When the timers run (node-cron syntax); false switches them off. */
    timersCron: '*/10 * * * *',
  },
  validator(config: { timersCron?: unknown }) {
    if (config.timersCron !== false && typeof config.timersCron !== 'string') throw new Error('workflow.timersCron must be a cron expression or false');
  },
};
