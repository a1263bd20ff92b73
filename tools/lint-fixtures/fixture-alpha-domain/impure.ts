// Everything a domain library must not do; module-boundaries.spec.ts expects each line flagged.
import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { readFileSync } from 'node:fs';
import { handleCommand } from '@haven/platform/nest';

export const impure = [Injectable, Pool, readFileSync, handleCommand];
export const now = () => Date.now();
export const today = () => new Date();
export const pick = () => Math.random();
