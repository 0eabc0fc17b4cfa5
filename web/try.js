// The bare page try.html (web/module.go): a module of its own, since its
// Content-Security-Policy, the page's, takes no inline script.
import * as recq from "./recq.js";
const target = document.getElementById("target");
const zone = document.getElementById("zone");
const out = document.getElementById("out");
const show = () => {
  try {
    out.textContent = JSON.stringify(recq.parse("GET", target.value, { now: new Date(), tenantZone: zone.value || "UTC" }), null, 2);
  } catch (e) {
    out.textContent = e.message;
  }
};
target.addEventListener("input", show);
zone.addEventListener("input", show);
show();
