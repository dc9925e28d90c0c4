// warta UI: small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // search: changing the sort order re-runs the search
  const sort = document.querySelector("form.search select[name=sort]");
  if (sort) sort.addEventListener("change", () => sort.form.submit());

  // article: click a legend item to hide or show that kind of highlight
  const legend = document.getElementById("legend");
  const text = document.getElementById("text");
  if (legend && text) {
    legend.classList.add("interactive");
    legend.title = "click to hide or show a kind of highlight";
    for (const item of legend.querySelectorAll("span")) {
      item.addEventListener("click", () => {
        const kind = [...item.classList].find((c) => c.includes("-") || c === "quote");
        text.classList.toggle("hide-" + kind);
        item.classList.toggle("off");
      });
    }
  }
});
