// The demo portal's stylesheet restyles bare elements globally (inputs 11px with inset borders,
// labels hidden, marks transparent, bullets, floats, justified uppercase serif). None of it
// reaches the widget.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open());
  await search(page, "知识产权");
});
after(() => s.close());

test("the page's hostile rules are really in force outside the widget", async () => {
  const outside = await page.evaluate(() => {
    const input = document.body.appendChild(document.createElement("input"));
    const style = getComputedStyle(input);
    const result = { fontSize: style.fontSize, borderStyle: style.borderTopStyle, text: getComputedStyle(document.body).textTransform };
    input.remove();
    return result;
  });
  assert.deepEqual(outside, { fontSize: "11px", borderStyle: "inset", text: "uppercase" });
});

test("inside, the widget's own styles hold", async () => {
  const inside = await page.evaluate(() => {
    const root = document.querySelector("policy-search").shadowRoot;
    const style = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      inputFontSize: style("input").fontSize,
      inputBorder: style("input").borderTopStyle,
      label: style("label").display,
      markBackground: style("mark").backgroundColor,
      listStyle: style("#results [role=option]").listStyleType,
      float: style("#results [role=option]").cssFloat,
      textTransform: style(".text").textTransform,
      letterSpacing: style(".text").letterSpacing,
      fontStyle: style(".text").fontStyle,
      textIndent: style(".text").textIndent,
    };
  });
  assert.deepEqual(inside, {
    inputFontSize: "16px",
    inputBorder: "solid",
    label: "block",
    markBackground: "rgb(255, 229, 143)",
    listStyle: "none",
    float: "none",
    textTransform: "none",
    letterSpacing: "normal",
    fontStyle: "normal",
    textIndent: "0px",
  });
});
