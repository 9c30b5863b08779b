'use client';

import { Component, type ReactNode } from 'react';

/**
 * Keeps an island's failure inside the island: instead of an empty area (or a broken page), a
 * short message and a button that renders the island again.
 */
export class IslandErrorBoundary extends Component<
  { what: string; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="island-error" role="alert">
        {this.props.what} could not be shown.{' '}
        <button type="button" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </p>
    );
  }
}
