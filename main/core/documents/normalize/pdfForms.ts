import {
  PDFBool, PDFCheckBox, PDFDropdown, PDFName, PDFOptionList, PDFRadioGroup, PDFTextField, type PDFDocument, type PDFField,
} from '@cantoo/pdf-lib';

export const FLATTENED = 'Filled form fields were flattened so they print.';
export const NOT_REDRAWN = 'Filled form fields were flattened so they print, but some could not be redrawn and may print blank or out of date: check the preview.';
export const NOT_FLATTENED = 'Some form fields could not be flattened and may print blank: check the preview.';

/**
 * Turns an AcroForm's fields into page content, so what was typed into a form prints at the
 * other end (a fax service prints page content; interactive fields often come out blank).
 * Appearances are redrawn first where they are missing, or all of them when the form says
 * /NeedAppearances (apps that fill a form that way leave stale, often empty, appearances); when
 * that fails (text the standard font cannot draw), the appearances found are used as they are.
 * Returns the warnings to show.
 */
export function flattenForm(doc: PDFDocument): string[] {
  let fields: PDFField[];
  try {
    fields = doc.getForm().getFields();
  } catch {
    return []; // no readable form: nothing interactive to lose
  }
  if (fields.length === 0) return [];
  const filled = fields.some(isFilled);
  const form = doc.getForm();
  if (form.acroForm.dict.get(PDFName.of('NeedAppearances')) === PDFBool.True) {
    for (const field of fields) form.markFieldAsDirty(field.ref);
  }
  for (const updateFieldAppearances of [true, false]) {
    try {
      form.flatten({ updateFieldAppearances });
      if (!filled) return [];
      return [updateFieldAppearances ? FLATTENED : NOT_REDRAWN];
    } catch {
      // try again without redrawing, then give up
    }
  }
  return filled ? [NOT_FLATTENED] : [];
}

function isFilled(field: PDFField): boolean {
  try {
    if (field instanceof PDFTextField) return Boolean(field.getText()?.trim());
    if (field instanceof PDFCheckBox) return field.isChecked();
    if (field instanceof PDFRadioGroup) return Boolean(field.getSelected());
    if (field instanceof PDFDropdown || field instanceof PDFOptionList) return field.getSelected().length > 0;
  } catch {
    // a field pdf-lib cannot read counts as empty
  }
  return false;
}
