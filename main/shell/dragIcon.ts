/**
 * The picture under the pointer while a fax is dragged out (Electron needs one; macOS refuses an
 * empty one): a 32×32 page with lines, drawn once and kept as a PNG data URL.
 */
export const DRAG_ICON_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAQ0lEQVR42u3XsQkAMAzEQA/m/ddKJkiR8OAi9+BeIDWussO6eyXvCSA1AAAiALfVU6ABCjRAgQYo0AAFACIAo6/ZN9toqFxSnAk9EQAAAABJRU5ErkJggg==';
