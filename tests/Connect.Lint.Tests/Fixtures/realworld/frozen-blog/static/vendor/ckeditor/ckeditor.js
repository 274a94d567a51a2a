/* CKEditor 4 (vendored) */
window.CKEDITOR = {};
