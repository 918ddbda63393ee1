#!/usr/bin/env node
// Writes a filled Coform form as a PDF with SurveyJS's PDF generator (survey-pdf, on jsPDF), for
// tests/bench/compare-peers.sh: Coform's template (coform-template/1) becomes a SurveyJS survey with the same content,
// Coform's answers (coform-answers/1) its data, and SurveyPDF draws it the way SurveyJS draws a filled form (read-only,
// answers as text).
//
// usage: node surveyjs-pdf.js TEMPLATE.json ANSWERS.json OUT.pdf [--font REGULAR.ttf --bold-font BOLD.ttf]
//   --font, --bold-font: TrueType files embedded as the document's font (Coform embeds Liberation Sans); without them
//   SurveyPDF uses the PDF's built-in Helvetica, which has no Welsh w and y with circumflex.
//   --print-survey: print the SurveyJS JSON instead of writing a PDF (to check the mapping).
//
// Mapping (English texts; pictures are left out, as in Coform's standard print):
//   template title -> survey title; section -> panel (title, showIf -> visibleIf), all panels on one page so the
//   document flows as Coform's does; label -> title; help -> description; required -> isRequired;
//   text -> text (email, phone formats -> inputType email, tel); textarea -> comment; date -> text (inputType date);
//   number -> text (inputType number, min, max; the unit after the title); choice -> radiogroup; multichoice ->
//   checkbox; scale -> radiogroup whose choices read "Level: description"; yesno -> boolean (Yes/No); table ->
//   matrixdynamic with one text column a Coform column; signature -> multipletext (name, date, reason); info ->
//   expression whose value is its text, title hidden (survey-pdf draws html questions only where there is a DOM);
//   showIf {item, equals | in} -> visibleIf "{item} = value" / "{item} anyof [...]" (hidden questions are left out).
'use strict';

const fs = require('fs');

function fail(message) {
    process.stderr.write(`surveyjs-pdf: ${message}\n`);
    process.exit(1);
}

function parseArgs(argv) {
    const args = { files: [], font: null, boldFont: null, printSurvey: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--font' || a === '--bold-font') {
            if (i + 1 >= argv.length) fail(`${a} needs a file`);
            args[a === '--font' ? 'font' : 'boldFont'] = argv[++i];
        } else if (a === '--print-survey') {
            args.printSurvey = true;
        } else if (a.startsWith('--')) {
            fail(`unknown option ${a}`);
        } else {
            args.files.push(a);
        }
    }
    if (args.files.length !== (args.printSurvey ? 2 : 3)) {
        fail('usage: surveyjs-pdf.js TEMPLATE.json ANSWERS.json OUT.pdf [--font REGULAR.ttf --bold-font BOLD.ttf]');
    }
    if (!!args.font !== !!args.boldFont) fail('give both --font and --bold-font, or neither');
    return args;
}

function readJson(file, format) {
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (e) {
        fail(`cannot read ${file}: ${e.message}`);
    }
    let json;
    try {
        json = JSON.parse(text);
    } catch (e) {
        fail(`${file} is not JSON: ${e.message}`);
    }
    if (json.format !== format) fail(`${file} is not a ${format} file (its format is ${JSON.stringify(json.format)})`);
    return json;
}

// A SurveyJS expression literal. Its parser takes an apostrophe inside a string only as \' in single quotes.
const literal = (v) => (typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(v));

function visibleIf(showIf) {
    if (!showIf) return undefined;
    if ('equals' in showIf) return `{${showIf.item}} = ${literal(showIf.equals)}`;
    if ('in' in showIf) return `{${showIf.item}} anyof [${showIf.in.map(literal).join(', ')}]`;
    fail(`showIf of ${showIf.item}: neither equals nor in`);
}

const textInputTypes = { email: 'email', phone: 'tel' };

function question(item) {
    const q = { name: item.id, title: item.label };
    if (item.help) q.description = item.help;
    if (item.required) q.isRequired = true;
    const vis = visibleIf(item.showIf);
    if (vis) q.visibleIf = vis;
    const choices = () => item.options.map((o) => ({ value: o.value, text: o.label }));
    switch (item.type) {
    case 'info':
        // Plain words: a read-only value without a title; escaped as an expression string literal.
        return { type: 'expression', name: item.id, titleLocation: 'hidden', expression: literal(item.label) };
    case 'text':
        q.type = 'text';
        if (textInputTypes[item.format]) q.inputType = textInputTypes[item.format];
        return q;
    case 'textarea':
        return Object.assign(q, { type: 'comment', autoGrow: true });
    case 'date':
        return Object.assign(q, { type: 'text', inputType: 'date' });
    case 'number':
        q.type = 'text';
        q.inputType = 'number';
        if ('min' in item) q.min = item.min;
        if ('max' in item) q.max = item.max;
        if (item.unit) q.title = `${item.label} (${item.unit})`;
        return q;
    case 'choice':
        return Object.assign(q, { type: 'radiogroup', choices: choices() });
    case 'multichoice':
        return Object.assign(q, { type: 'checkbox', choices: choices() });
    case 'scale':
        return Object.assign(q, {
            type: 'radiogroup',
            choices: item.options.map((o) => ({
                value: o.value,
                text: o.description ? `${o.label}: ${o.description}` : o.label,
            })),
        });
    case 'yesno':
        return Object.assign(q, { type: 'boolean', labelTrue: 'Yes', labelFalse: 'No' });
    case 'table':
        return Object.assign(q, {
            type: 'matrixdynamic',
            rowCount: 0,
            columns: item.columns.map((c) => ({ name: c.id, title: c.label, cellType: 'text' })),
        });
    case 'signature':
        return Object.assign(q, {
            type: 'multipletext',
            items: [
                { name: 'name', title: 'Name' },
                { name: 'date', title: 'Date', inputType: 'date' },
                { name: 'reason', title: 'Why not signed' },
            ],
        });
    default:
        fail(`item ${item.id}: no SurveyJS question for Coform type ${JSON.stringify(item.type)}`);
    }
}

function survey(template) {
    const panels = template.sections.map((section) => {
        const panel = { type: 'panel', name: section.id, title: section.title, elements: section.items.map(question) };
        const vis = visibleIf(section.showIf);
        if (vis) panel.visibleIf = vis;
        return panel;
    });
    return {
        title: template.title,
        showQuestionNumbers: 'on',
        questionErrorLocation: 'bottom',
        pages: [{ name: 'form', elements: panels }],
    };
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const template = readJson(args.files[0], 'coform-template/1');
    const answers = readJson(args.files[1], 'coform-answers/1');
    if (answers.template !== template.id) {
        fail(`${args.files[1]} answers template ${answers.template}, not ${template.id}`);
    }
    const json = survey(template);
    if (args.printSurvey) {
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
        return;
    }

    let SurveyPDF;
    try {
        ({ SurveyPDF } = require('survey-pdf'));
    } catch (e) {
        fail(`survey-pdf is not installed (npm ci --prefix tests/bench/peers): ${e.message.split('\n')[0]}`);
    }
    const options = { format: 'a4', orientation: 'p', fontSize: 12, margins: { left: 15, right: 15, top: 25, bot: 20 } };
    if (args.font) {
        options.fontName = 'CoformBenchSans';
        const base64 = (file) => {
            try {
                return fs.readFileSync(file).toString('base64');
            } catch (e) {
                fail(`cannot read the font ${file}: ${e.message}`);
            }
        };
        options.base64Normal = base64(args.font);
        options.base64Bold = base64(args.boldFont);
    }
    const pdf = new SurveyPDF(json, options);
    pdf.mode = 'display';
    // mergeData, not data =: setting data clears the values of expression questions (the info texts).
    pdf.mergeData(answers.answers);
    // The same running header and footer as Coform's: who the form is about, and Page N of M.
    const person = answers.person || {};
    pdf.onRenderHeader.add((_, canvas) => {
        canvas.drawText({
            text: `${template.title}    Name: ${person.name || ''}  NHS number: ${person.nhsNumber || ''}`,
            fontSize: 9,
            horizontalAlign: 'right',
            verticalAlign: 'bottom',
        });
    });
    pdf.onRenderFooter.add((_, canvas) => {
        canvas.drawText({
            text: `Page ${canvas.pageNumber} of ${canvas.pageCount}    ${template.id} version ${template.version}`,
            fontSize: 9,
            horizontalAlign: 'center',
        });
    });
    const bytes = Buffer.from(await pdf.raw('arraybuffer'));
    if (bytes.length < 5 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') fail('survey-pdf made no PDF');
    try {
        fs.writeFileSync(args.files[2], bytes);
    } catch (e) {
        fail(`cannot write ${args.files[2]}: ${e.message}`);
    }
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
