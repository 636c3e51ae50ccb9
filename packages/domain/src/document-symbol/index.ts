export type {
  DocumentSymbol,
  DocumentSymbolError,
  DocumentSymbolErrorReason,
  DocumentSymbolFormat,
} from './document-symbol';
export {
  CONG_VAN_KIND,
  DOCUMENT_KIND_CODES,
  DocumentSymbolSchema,
  documentSymbolKey,
  formatDocumentSymbol,
  isDocumentSymbolError,
  normalizeDocumentSymbol,
  parseDocumentSymbol,
} from './document-symbol';
