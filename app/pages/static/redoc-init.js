"use strict";
// Loaded before ReDoc. ReDoc's sidebar shows Redocly's logo from cdn.redoc.ly, and has no option to turn
// it off; this page must ask nothing of another host. So that one image gets an empty data: URL instead:
// it fails to decode, and ReDoc then drops the image (its onError), leaving the "API docs by Redocly" link.
// React sets an image's source twice, as an attribute and then as the src property: both are covered.
(() => {
  const REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
  const local = (value) => (String(value) === REDOCLY_LOGO ? "data:," : value);

  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function setAttributeWithoutTheRemoteLogo(name, value) {
    return setAttribute.call(this, name, name === "src" ? local(value) : value);
  };
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    ...src,
    set(value) {
      src.set.call(this, local(value));
    },
  });
})();
