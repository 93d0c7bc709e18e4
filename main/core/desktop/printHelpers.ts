import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file that makes an OS print dialog feed the hot folder. Faxdesk writes these; a person runs them. */
export interface PrintHelper { name: string; text: string }

export const MAC_SERVICE_NAME = 'Fax with Faxdesk';
export const WINDOWS_PRINTER_NAME = 'Fax with Faxdesk';

const shQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const psQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The helper files for a hot folder: macOS adds a PDF Services entry (the print dialog's PDF menu
 * hands it the printed PDF); Windows adds a "Microsoft Print to PDF" printer whose port is a file
 * in the folder; Linux's CUPS-PDF needs one line of its configuration. Each copies into the
 * folder under a hidden name and renames it at the end (macOS), or is waited for until its size is steady
 * and its PDF end marker is there (Windows, CUPS), so the watcher never takes half a file.
 */
export function printHelpers(hotFolder: string): PrintHelper[] {
  const mac = `#!/bin/sh
# Adds "${MAC_SERVICE_NAME}" to the PDF menu of every macOS print dialog.
# Faxdesk wrote this file and never runs it: run it yourself (double-click, or sh in Terminal).
set -eu
SERVICES="$HOME/Library/PDF Services"
mkdir -p "$SERVICES"
cat > "$SERVICES/${MAC_SERVICE_NAME}" <<'TOOL'
#!/bin/sh
# macOS runs a PDF Service with: the document's title, print options, the path of the printed PDF.
HOT=${shQuote(hotFolder)}
name=$(printf '%s' "$1" | tr -cd '[:alnum:] ._-' | cut -c1-80)
[ -n "$name" ] || name=Printed
stamp=$(date +%Y%m%d-%H%M%S)
cp "$3" "$HOT/.$stamp $name.pdf.partial"
mv "$HOT/.$stamp $name.pdf.partial" "$HOT/$stamp $name.pdf"
TOOL
chmod +x "$SERVICES/${MAC_SERVICE_NAME}"
echo 'Done. In any print dialog, choose PDF > ${MAC_SERVICE_NAME}.'
`;
  const windows = `# Adds a printer "${WINDOWS_PRINTER_NAME}": the built-in "Microsoft Print to PDF" driver on a local
# port that is a file in Faxdesk's print-to-fax folder.
# Faxdesk wrote this file and never runs it without asking you. Run it in PowerShell as administrator
# (adding a printer port needs it).
$ErrorActionPreference = 'Stop'
$folder = ${psQuote(hotFolder)}
New-Item -ItemType Directory -Force -Path $folder | Out-Null
$port = Join-Path $folder 'Printed fax.pdf'
if (-not (Get-PrinterPort -Name $port -ErrorAction SilentlyContinue)) { Add-PrinterPort -Name $port }
if (-not (Get-Printer -Name ${psQuote(WINDOWS_PRINTER_NAME)} -ErrorAction SilentlyContinue)) {
  Add-Printer -Name ${psQuote(WINDOWS_PRINTER_NAME)} -DriverName 'Microsoft Print to PDF' -PortName $port
}
Write-Host 'Done. Print to "${WINDOWS_PRINTER_NAME}" to fax from any program.'
`;
  const linux = `Print to fax on Linux (CUPS-PDF)

1. Install the CUPS PDF printer: sudo apt install printer-driver-cups-pdf   (Fedora: cups-pdf)
2. In /etc/cups/cups-pdf.conf set the folder it writes to:
     Out ${hotFolder}
3. Restart CUPS: sudo systemctl restart cups
4. Print to the "PDF" printer; Faxdesk opens compose with the printed pages.
`;
  return [
    { name: 'Install Fax with Faxdesk (macOS).command', text: mac },
    { name: 'Install Fax with Faxdesk (Windows).ps1', text: windows },
    { name: 'Print to fax on Linux.txt', text: linux },
  ];
}

/** Writes the helpers into `setup/` inside the hot folder (the watcher ignores subfolders). */
export async function writePrintHelpers(hotFolder: string): Promise<{ folder: string; files: string[] }> {
  const folder = join(hotFolder, 'setup');
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (const helper of printHelpers(hotFolder)) {
    const path = join(folder, helper.name);
    // Readable, not executable: running one is the person's choice.
    await writeFile(path, helper.text, { mode: 0o644 });
    files.push(path);
  }
  return { folder, files };
}
