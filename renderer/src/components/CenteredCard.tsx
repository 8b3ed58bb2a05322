import { Box, Paper, Stack, Typography } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { LanguageSelect } from './LanguageSelect.js';

/** A small form centred on the page, with the language switch: set-up and sign-in. */
export function CenteredCard(props: { title: string; intro?: string; onSubmit(): void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper component="form" onSubmit={submit} noValidate sx={{ p: 4, width: 420 }} elevation={2}>
        <Stack spacing={2}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
            <Typography variant="h5" component="h1">
              {props.title}
            </Typography>
            <LanguageSelect />
          </Stack>
          {props.intro && <Typography color="text.secondary">{props.intro}</Typography>}
          {props.children}
        </Stack>
      </Paper>
    </Box>
  );
}
