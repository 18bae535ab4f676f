#!/usr/bin/env node
console.log('folio');
