/**
 * What a launch asked for: `faxdesk file.pdf other.tif --to +1 201 555 0100`. The arguments come
 * from whoever started Faxdesk (a file manager, a script, another program), so nothing here
 * trusts them: paths are only collected (checked by openPath), and flags other than `--to` —
 * Chromium's own (`--allow-file-access-from-files`), macOS's `-psn_…` — are ignored.
 */
export interface LaunchRequest {
  paths: string[];
  /** The text after `--to`, as typed (the core reads it as a fax number). */
  to?: string;
}

/** Words of a number typed unquoted after `--to`: "+1", "201", "(201)", "555-0100". */
const NUMBER_WORD = /^[+\d()\-.\s]+$/;

/**
 * `argv` as Electron gives it (process.argv, or a second instance's): the executable first, and in
 * development (`electron .`) the app's folder after it, so `skip` is 1 packaged and 2 in development.
 * Chromium may put its switches before the app's folder, so only words that are not switches are skipped.
 */
export function parseLaunchArgs(argv: readonly string[], skip: number): LaunchRequest {
  const args = [...argv];
  for (let left = skip, i = 0; left > 0 && i < args.length;) {
    if (args[i]!.startsWith('-')) i++;
    else {
      args.splice(i, 1);
      left--;
    }
  }
  const paths: string[] = [];
  const numberWords: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    const to = /^--to(?:=(.*))?$/s.exec(arg);
    if (to) {
      numberWords.length = 0; // the last --to wins
      if (to[1] !== undefined) numberWords.push(to[1]);
      else while (i + 1 < args.length && NUMBER_WORD.test(args[i + 1]!)) numberWords.push(args[++i]!);
      continue;
    }
    if (arg.startsWith('-')) continue; // a switch for Chromium or the OS, not a file
    paths.push(arg);
  }
  const to = numberWords.join(' ').trim();
  return { paths, ...(to ? { to } : {}) };
}
