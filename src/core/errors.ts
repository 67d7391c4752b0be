/**
 * An input that cannot be used at all (a file that is not a template, a CSV without the rater
 * column …). Its message is one line for a person; the command line prints it and exits 2.
 * Problems inside otherwise usable input are `Problem` entries instead, never errors.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * The workbook holds no Duanping installation (no DP_Template sheet). A subclass, so that the
 * task pane can say so in its own words without asking the workbook first.
 */
export class NotInstalledError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'NotInstalledError';
  }
}
