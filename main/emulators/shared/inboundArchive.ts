/** A received fax as an emulator keeps it across restarts: its record (JSON) and its documents' bytes. */
export interface ArchivedFax {
  id: string;
  record: unknown;
  documents: Buffer[];
}

/** What an emulator offers for the Demo accounts to keep their received faxes across restarts. */
export interface InboundArchivable {
  exportInbound(): ArchivedFax[];
  importInbound(faxes: readonly ArchivedFax[]): void;
}
